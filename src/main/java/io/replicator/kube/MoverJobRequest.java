package io.replicator.kube;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mover Job for one sync of a source job: the application's own pod spec ({@code base}) running
 * {@code args} in container {@code containerName} with the temporary PVC {@code claimName} mounted
 * at {@code mountPath}.
 *
 * @param job              the replication job's name; names and labels the Job
 * @param base             the pod spec to start from (image, volumes, env, securityContext,
 *                         serviceAccount); not modified
 * @param containerName    the container that becomes the mover; null = the first container
 * @param claimName        the PVC to mount; may be null while the request is handed to
 *                         {@link SourceCopyFlow}, which fills it in
 * @param env              added to the container's env, replacing variables of the same name
 * @param timeout          how long to wait for the Job to finish
 * @param ttlAfterFinished the cluster deletes the finished Job after this (a safety net should
 *                         our own cleanup not run)
 * Built with {@link #builder}: what is not set keeps its default (first container, no claim yet,
 * no args, no env, a Job kept an hour after it finished).
 */
public record MoverJobRequest(String namespace, String job, PodSpec base, String containerName, String claimName,
                              String mountPath, List<String> args, Map<String, String> env, Duration timeout,
                              Duration ttlAfterFinished) {

    public MoverJobRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(ttlAfterFinished, "ttlAfterFinished");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env)); // keeps the order
    }

    /** A request for a mover of that job from that pod spec, its volume mounted at mountPath. */
    public static Builder builder(String namespace, String job, PodSpec base, String mountPath) {
        return new Builder(namespace, job, base, mountPath);
    }

    public MoverJobRequest withClaimName(String claim) {
        return new MoverJobRequest(namespace, job, base, containerName, claim, mountPath, args, env, timeout,
                ttlAfterFinished);
    }

    /** Builds a MoverJobRequest; timeout must be set. */
    public static final class Builder {
        private final String namespace;
        private final String job;
        private final PodSpec base;
        private final String mountPath;
        private String containerName;
        private String claimName;
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private Duration timeout;
        private Duration ttlAfterFinished = Duration.ofHours(1);

        private Builder(String namespace, String job, PodSpec base, String mountPath) {
            this.namespace = namespace;
            this.job = job;
            this.base = base;
            this.mountPath = mountPath;
        }

        public Builder container(String name) { containerName = name; return this; }
        public Builder claimName(String v) { claimName = v; return this; }
        public Builder args(List<String> v) { args = v; return this; }
        public Builder env(Map<String, String> v) { env = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder ttlAfterFinished(Duration v) { ttlAfterFinished = v; return this; }

        public MoverJobRequest build() {
            return new MoverJobRequest(namespace, job, base, containerName, claimName, mountPath, args, env, timeout,
                    ttlAfterFinished);
        }
    }
}

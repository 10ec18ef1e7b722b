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

    public MoverJobRequest withClaimName(String claim) {
        return new MoverJobRequest(namespace, job, base, containerName, claim, mountPath, args, env, timeout,
                ttlAfterFinished);
    }
}

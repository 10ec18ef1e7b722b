package io.replicator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** Application-wide settings ({@code replicator.*} outside the job sections). */
public record Settings(Duration progressInterval, ZoneId timeZone, EmbeddedS3 embeddedS3, boolean demo,
                       Path statusFile, Path routesDir, Kubernetes kubernetes) {

    /** The embedded S3 server of the local profile; off unless enabled. */
    public record EmbeddedS3(boolean enabled, Path dataDir, String host, int port, Secret accessKey, Secret secretKey) { }

    /**
     * The Kubernetes layer (replicator.kubernetes.*): status on our resources, manual triggers,
     * paused, copy methods and key Secrets; and leader election among replicas.
     *
     * @param namespace null: the POD_NAMESPACE environment variable, else the client's namespace
     */
    public record Kubernetes(boolean enabled, String namespace, boolean leaderElection) {
        public static final Kubernetes OFF = new Kubernetes(false, null, false);
    }
}

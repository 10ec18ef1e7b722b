package io.replicator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** Application-wide settings ({@code replicator.*} outside the job sections). */
public record Settings(Duration progressInterval, ZoneId timeZone, EmbeddedS3 embeddedS3, boolean demo,
                       Path statusFile, Path routesDir) {

    /** The embedded S3 server of the local profile; off unless enabled. */
    public record EmbeddedS3(boolean enabled, Path dataDir, String host, int port, Secret accessKey, Secret secretKey) { }
}

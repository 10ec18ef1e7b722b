package io.replicator.config;

import java.net.URI;
import java.nio.file.Path;

/** A named storage endpoint: an S3-compatible service, or a local directory. */
public record RemoteConfig(String name, Type type, URI endpoint, String region, boolean pathStyle,
                           Secret accessKey, Secret secretKey, Path path) {
    public enum Type { S3, LOCAL }

    /** Two S3 remotes are the same service and account: server-side copies work between them. */
    public boolean sameAccountAs(RemoteConfig other) {
        return type == Type.S3 && other.type == Type.S3 && endpoint.equals(other.endpoint)
                && accessKey.equals(other.accessKey) && secretKey.equals(other.secretKey);
    }
}

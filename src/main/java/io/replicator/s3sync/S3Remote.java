package io.replicator.s3sync;

import java.net.URI;
import java.util.Objects;

/**
 * An S3-compatible endpoint with static credentials. {@code endpoint} null means AWS itself (the
 * regional endpoint). The secret key never appears in {@link #toString()}.
 */
public record S3Remote(String name, URI endpoint, String region, Addressing addressing,
                       String accessKey, String secretKey) implements Remote {

    /** Bucket addressing: PATH = http://host/bucket/key, VIRTUAL_HOST = http://bucket.host/key. */
    public enum Addressing {
        PATH, VIRTUAL_HOST;

        public static Addressing fromPathStyle(boolean pathStyle) {
            return pathStyle ? PATH : VIRTUAL_HOST;
        }
    }

    public static final String DEFAULT_REGION = "us-east-1";

    public S3Remote {
        Objects.requireNonNull(name, "remote name");
        if (endpoint != null && endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("remote '" + name + "': the endpoint must not carry credentials "
                    + "(user:secret@); give the access key and secret key separately");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException("remote '" + name + "': endpoint must be an absolute URI like "
                    + "http://host:port, got '" + endpoint + "'");
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        addressing = addressing == null ? Addressing.PATH : addressing;
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("remote '" + name + "': access key is missing");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("remote '" + name + "': secret key is missing");
        }
    }

    /** Path-style remote in the default region: what S3Proxy, MinIO and most on-premise stores want. */
    public static S3Remote of(String name, URI endpoint, String accessKey, String secretKey) {
        return new S3Remote(name, endpoint, DEFAULT_REGION, Addressing.PATH, accessKey, secretKey);
    }

    /** True when the endpoint is AWS S3, which computes the newer flexible checksums itself. */
    public boolean isAws() {
        return endpoint == null || endpoint.getHost().endsWith(".amazonaws.com");
    }

    /** Same endpoint and same credentials: one client can read the source and write the destination. */
    public boolean sameAccountAs(S3Remote other) {
        return Objects.equals(endpoint, other.endpoint) && region.equals(other.region)
                && accessKey.equals(other.accessKey) && secretKey.equals(other.secretKey);
    }

    @Override
    public String location() {
        return endpoint == null ? "AWS S3 " + region : endpoint.toString();
    }

    @Override
    public String toString() {
        return "S3Remote[name=" + name + ", endpoint=" + location() + ", region=" + region
                + ", addressing=" + addressing + ", accessKey=" + accessKey + ", secretKey=***]";
    }
}

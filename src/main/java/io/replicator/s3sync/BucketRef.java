package io.replicator.s3sync;

import java.util.Objects;

/** A bucket on a remote, optionally narrowed to a key prefix (treated as a folder: "p" = "p/"). */
public record BucketRef(Remote remote, String bucket, String prefix) {
    public BucketRef {
        Objects.requireNonNull(remote, "remote");
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("remote '" + remote.name() + "': invalid bucket name '" + bucket + "'");
        }
        prefix = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("remote '" + remote.name() + "': prefix must not start with '/': '"
                    + prefix + "'");
        }
    }

    public BucketRef(Remote remote, String bucket) {
        this(remote, bucket, "");
    }

    /** "remote:bucket/prefix" for messages. */
    public String describe() {
        return remote.name() + ":" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)
                + " (" + remote.location() + ")";
    }
}

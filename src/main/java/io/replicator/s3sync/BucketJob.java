package io.replicator.s3sync;

import java.util.Objects;

/** One configured one-way sync: the destination is made identical to the source. */
public record BucketJob(String name, BucketRef source, BucketRef destination) {
    public BucketJob {
        Objects.requireNonNull(name, "job name");
        Objects.requireNonNull(source, "job '" + name + "': source");
        Objects.requireNonNull(destination, "job '" + name + "': destination");
    }
}

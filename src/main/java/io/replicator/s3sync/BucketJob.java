package io.replicator.s3sync;

import java.util.Objects;

/**
 * One configured one-way sync: the destination is made identical to the source. {@code keep}: where
 * the destination objects a run overwrites or deletes are kept first; null = not kept.
 */
public record BucketJob(String name, BucketRef source, BucketRef destination, KeepReplaced keep) {
    public BucketJob {
        Objects.requireNonNull(name, "job name");
        Objects.requireNonNull(source, "job '" + name + "': source");
        Objects.requireNonNull(destination, "job '" + name + "': destination");
    }

    public BucketJob(String name, BucketRef source, BucketRef destination) {
        this(name, source, destination, null);
    }

    public BucketJob withKeep(KeepReplaced k) {
        return new BucketJob(name, source, destination, k);
    }
}

package io.replicator.s3sync;

/**
 * Callbacks during a run, from engine threads. {@link #progress} comes at most once per
 * SyncOptions.progressInterval and once at the end; {@link #planLine} once per plan/check line
 * (all of them, also those beyond the report's line limit). Keep both cheap.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() { };

    /** Totals so far: objects and bytes transferred, objects deleted, objects failed, keys listed. */
    record Progress(long objectsTransferred, long bytesTransferred, long deleted, long failed, long keysListed) {
    }

    default void progress(Progress progress) {
    }

    default void planLine(String line) {
    }
}

package io.replicator.volume;

/** Progress callbacks of a source sync, called from its worker threads; implementations must be thread-safe and quick. */
public interface SyncProgress {
    SyncProgress NONE = new SyncProgress() {
    };

    /** The scan listed {@code entries} so far (called every few thousand entries and at the end). */
    default void scanned(long entries) {
    }

    /** A file's data was sent completely. */
    default void fileSent(String path, long size) {
    }
}

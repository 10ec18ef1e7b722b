package io.replicator.volume;

/** How the destination makes a session durable before it answers COMMITTED. */
public enum CommitSync {
    /**
     * One {@code sync -f <root>} (syncfs(2) of the volume's filesystem) at commit, as VolSync does.
     * Per-file fsync costs milliseconds per file on ext4 (measured 5 ms here): for 20,000 small
     * files that is minutes. Falls back to {@link #FSYNC} if the command is missing or fails.
     */
    SYNCFS,
    /** fsync of every written file before its rename, and of every directory at commit. */
    FSYNC
}

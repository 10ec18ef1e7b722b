package io.replicator.volume;

/** How a session ended. */
public enum SessionResult {
    /** Committed: data and metadata on disk, deletes applied, COMMITTED sent/received. */
    OK,
    /** Failed after it started changing the destination: no COMMITTED, no deletes; files already renamed are complete. */
    FAILED,
    /** Refused before anything on disk changed (handshake, identity, busy volume, invalid file list). */
    REFUSED
}

package io.replicator.delta;

/** Whether the patcher forces the temporary file to disk before returning it. */
public enum Durability {
    /** FileChannel.force(true) before returning: required before a rename that must survive a crash. */
    FSYNC,
    /** Leave flushing to the OS (tests, benchmarks, callers that sync the whole tree later). */
    NONE
}

package io.replicator.volume;

/** How a regular file is judged unchanged on the destination. */
public enum ChecksumMode {
    /** Same size and mtime (nanoseconds): no content is read (rsync's default quick check). */
    QUICK,
    /** The source sends each file's SHA-256 and the destination hashes files of the same size (rsync -c). */
    FULL
}

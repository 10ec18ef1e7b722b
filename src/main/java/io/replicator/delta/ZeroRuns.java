package io.replicator.delta;

/** How a {@link DeltaWriter} encodes runs of zero bytes in literal data. */
public enum ZeroRuns {
    /** As literal bytes, like every other byte (what a reader of the first delta format expects). */
    AS_LITERALS,
    /**
     * As ZEROS records of a length only (flag bit 1): a hole or a zeroed region of any size crosses
     * as 9 bytes, and the patcher leaves it a hole.
     */
    AS_RECORDS
}

package io.replicator.delta;

/** What a delta consists of: target bytes sent as literals vs matched in the basis, and op counts. */
public record DeltaStats(long targetLength, long literalBytes, long matchedBytes, long copyOps, long literalOps) {
}

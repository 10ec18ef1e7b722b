package io.replicator.s3sync;

/**
 * Delete guards, both optional (null = no limit): at most {@code maxCount} deletes, at most
 * {@code maxPercent} percent of the destination's objects. An empty source listing against a
 * non-empty destination is refused unless {@code emptySource} is ALLOW.
 */
public record DeleteLimits(Long maxCount, Double maxPercent, EmptySource emptySource) {
    public enum EmptySource { REFUSE, ALLOW }

    public static final DeleteLimits NONE = new DeleteLimits(null, null, EmptySource.REFUSE);

    public DeleteLimits {
        if (maxCount != null && maxCount < 0) {
            throw new IllegalArgumentException("max-delete count must be >= 0, got " + maxCount);
        }
        if (maxPercent != null && (maxPercent < 0 || maxPercent > 100 || maxPercent.isNaN())) {
            throw new IllegalArgumentException("max-delete percent must be within 0..100, got " + maxPercent);
        }
        emptySource = emptySource == null ? EmptySource.REFUSE : emptySource;
    }
}

package io.replicator.volume;

/**
 * Delete guards of a volume session, like the bucket sync's: at most {@code maxCount} deletes, at
 * most {@code maxPercent} percent of the destination's entries (null: no limit), and a source that
 * lists nothing (apart from excludes) may empty a non-empty destination only with
 * {@link EmptySource#ALLOW}. The source sets them in HELLO; the destination job may set its own
 * count and percent, and the stricter of the two applies.
 */
public record VolumeDeleteLimits(Long maxCount, Double maxPercent, EmptySource emptySource) {
    public static final VolumeDeleteLimits NONE = new VolumeDeleteLimits(null, null, EmptySource.REFUSE);

    /** Whether a source that lists nothing may empty a non-empty destination. */
    public enum EmptySource { REFUSE, ALLOW }

    public VolumeDeleteLimits {
        java.util.Objects.requireNonNull(emptySource, "emptySource");
        if (maxCount != null && maxCount < 0) {
            throw new IllegalArgumentException("max-delete count must be >= 0, got " + maxCount);
        }
        if (maxPercent != null && (maxPercent.isNaN() || maxPercent < 0 || maxPercent > 100)) {
            throw new IllegalArgumentException("max-delete percent must be within 0..100, got " + maxPercent);
        }
    }

    public boolean allowEmptySource() {
        return emptySource == EmptySource.ALLOW;
    }

    /** Percent on the wire: hundredths of a percent, -1 for none. */
    int percentBasisPoints() {
        return maxPercent == null ? -1 : (int) Math.round(maxPercent * 100);
    }

    static Double fromBasisPoints(int bp) {
        return bp < 0 ? null : bp / 100.0;
    }
}

package io.replicator.volume;

/**
 * Bounds the destination enforces on what a session may send. The defaults allow 10 million
 * entries (about 1-2 GiB of heap at worst: raise the heap or lower this for small pods) and Linux's
 * PATH_MAX / NAME_MAX.
 */
public record EntryLimits(int maxEntries, int maxPathBytes, int maxSegmentBytes, int maxLinkTarget) {
    public static final EntryLimits DEFAULTS = new EntryLimits(10_000_000, 4095, 255, 4095);

    public EntryLimits withMaxEntries(int max) {
        return new EntryLimits(max, maxPathBytes, maxSegmentBytes, maxLinkTarget);
    }
}

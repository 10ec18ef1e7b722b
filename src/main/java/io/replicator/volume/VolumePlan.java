package io.replicator.volume;

import java.util.List;

/**
 * What a sync would change, as the destination found it in a dry run or check: one line per
 * change in rsync's {@code -i} (itemize) form, then the totals. {@code refusal} is the delete
 * guard's answer: non-null when a real sync would be refused.
 *
 * @param lines    the itemized changes (at most {@link #MAX_LINES} kept; {@code linesOmitted} more)
 * @param creates  files, directories, symlinks and hardlinks the destination lacks (or has as another type)
 * @param updates  files whose content differs, symlinks with another target
 * @param deletes  entries the destination has and the source does not
 * @param metadata entries with equal content whose mode, owner, mtime or xattrs differ
 * @param dataBytes size of the files that would be sent (before deltas and compression)
 */
public record VolumePlan(List<String> lines, long linesOmitted, long creates, long updates, long deletes,
                         long metadata, long dataBytes, String refusal) {
    public static final int MAX_LINES = 100_000;

    public VolumePlan {
        lines = List.copyOf(lines);
    }

    /** Entries that differ in any way. */
    public long differences() {
        return creates + updates + deletes + metadata;
    }

    public String totals() {
        return creates + " to create, " + updates + " to update, " + deletes + " to delete, " + metadata
                + " metadata changes, " + dataBytes + " bytes of file data to send";
    }
}

package io.replicator.volume;

import java.util.Locale;

/**
 * The destination's delete guard, checked after the file list and before anything on disk changes
 * (so a refused session changes nothing): an empty source never empties a non-empty destination
 * unless the source job allows it, and the deletes stay within max-delete, the stricter of the
 * session's (source job) and the destination job's limit. Refusals name the setting that allows it.
 */
final class VolumeDeleteGuard {
    static final String SOURCE_SETTING = "replicator.volume-source.<job>.";

    private VolumeDeleteGuard() {
    }

    /** Whether the deletes must be counted at all (a limit is set, or the source listed nothing). */
    static boolean needsScan(VolumeDeleteLimits session, VolumeDeleteLimits destination, int listEntries) {
        return listEntries <= 1 || session.maxCount() != null || session.maxPercent() != null
                || destination.maxCount() != null || destination.maxPercent() != null;
    }

    /** Why the session may not delete this much, or null when it may. */
    static String refusal(VolumeDeleteLimits session, DestinationJob job, int listEntries, DeleteScan scan) {
        long deletes = scan.deletes();
        long total = scan.destinationEntries();
        if (deletes == 0) {
            return null;
        }
        if (listEntries <= 1 && !session.allowEmptySource()) {
            return "refusing to delete: the source listed no entries (apart from excludes) while the destination has "
                    + total + "; an emptied or wrongly mounted source would wipe the destination. To allow it, set "
                    + SOURCE_SETTING + "allow-empty-source=true; nothing was changed";
        }
        String dst = "replicator.volume-destination." + job.name() + ".max-delete";
        String count = countRefusal(deletes, total, session.maxCount(), SOURCE_SETTING + "max-delete");
        if (count == null) {
            count = countRefusal(deletes, total, job.deleteLimits().maxCount(), dst);
        }
        if (count != null) {
            return count;
        }
        String pct = percentRefusal(deletes, total, session.maxPercent(), SOURCE_SETTING + "max-delete");
        return pct != null ? pct : percentRefusal(deletes, total, job.deleteLimits().maxPercent(), dst);
    }

    private static String countRefusal(long deletes, long total, Long max, String setting) {
        if (max == null || deletes <= max) {
            return null;
        }
        return "refusing to delete: " + deletes + " deletes exceed max-delete count " + max + " (" + setting
                + "; the destination has " + total + " entries); raise it to allow this; nothing was changed";
    }

    private static String percentRefusal(long deletes, long total, Double max, String setting) {
        if (max == null) {
            return null;
        }
        double pct = 100.0 * deletes / Math.max(1, total);
        if (pct <= max) {
            return null;
        }
        return String.format(Locale.ROOT, "refusing to delete: %d deletes are %.1f%% of the destination's %d entries, "
                + "above max-delete %s%% (%s); raise it to allow this; nothing was changed", deletes, pct, total,
                trim(max), setting);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}

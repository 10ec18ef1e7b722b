package io.replicator.s3sync;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks the planned deletes against the limits BEFORE the first delete is sent. {@code job} names
 * the configured job in the refusal's advice (null: the engine's own API is named).
 */
record DeleteGuard(DeleteLimits limits, String job) {
    DeleteGuard(DeleteLimits limits) {
        this(limits, null);
    }

    /** A refusal message naming the guard and the numbers, or empty when the deletes may go ahead. */
    Optional<String> refusal(long deletes, long sourceObjects, long destinationObjects) {
        if (deletes == 0) {
            return Optional.empty();
        }
        if (sourceObjects == 0 && destinationObjects > 0 && limits.emptySource() == DeleteLimits.EmptySource.REFUSE) {
            return Optional.of("refusing to delete: the source listed 0 objects while the destination has "
                    + destinationObjects + " (an emptied or wrongly configured source would wipe the destination; "
                    + allowEmptySource() + "); nothing was deleted");
        }
        if (limits.maxCount() != null && deletes > limits.maxCount()) {
            return Optional.of("refusing to delete: " + deletes + " deletes exceed max-delete count "
                    + limits.maxCount() + " (destination has " + destinationObjects + " objects); nothing was deleted");
        }
        if (limits.maxPercent() != null) {
            double pct = 100.0 * deletes / Math.max(1, destinationObjects);
            if (pct > limits.maxPercent()) {
                return Optional.of(String.format(Locale.ROOT, "refusing to delete: %d deletes are %.1f%% of the "
                        + "destination's %d objects, above max-delete percent %s; nothing was deleted",
                        deletes, pct, destinationObjects, limits.maxPercent()));
            }
        }
        return Optional.empty();
    }

    private String allowEmptySource() {
        return job == null ? "allow it explicitly with DeleteLimits.EmptySource.ALLOW"
                : "if that is intended, set replicator.bucket-sync." + job + ".allow-empty-source=true, or allow it "
                + "for one run with --once " + job + " --allow-empty-source";
    }
}

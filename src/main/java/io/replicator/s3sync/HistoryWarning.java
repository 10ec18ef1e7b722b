package io.replicator.s3sync;

/**
 * versions=current from a versioned source into a destination that keeps no versions: each
 * overwrite or delete the sync replicates destroys the destination's previous copy, although the
 * source still holds it. Said once per SYNC run as a warning note (dry runs and checks send
 * listings only); the statuses are asked at most once an hour per bucket
 * ({@link BucketVersioning#remembered}), so no-change runs stay at their listings.
 */
final class HistoryWarning {
    static final String PREFIX = "warning: ";

    private HistoryWarning() {
    }

    static void check(Sides sides, SyncOptions options, RunTotals totals) {
        if (options.versions().mode() != SourceVersions.Mode.CURRENT || options.mode() != SyncMode.SYNC
                || !(sides.source instanceof S3Store src) || !(sides.destination instanceof S3Store dst)) {
            return;
        }
        BucketVersioning.Status from = BucketVersioning.remembered(src);
        if (from == null || !from.hasHistory()) {
            return;
        }
        BucketVersioning.Status to = BucketVersioning.remembered(dst);
        if (to != null && to != BucketVersioning.Status.ENABLED) {
            totals.note(PREFIX + "source bucket '" + src.ref.bucket() + "' is versioned (" + from.describe()
                    + ") but destination bucket '" + dst.ref.bucket() + "' is not (" + to.describe() + "): with "
                    + "versions=current only current objects are copied, and each replicated overwrite or delete "
                    + "destroys the destination's previous copy; enable versioning on the destination or set "
                    + "versions=all");
        }
    }
}

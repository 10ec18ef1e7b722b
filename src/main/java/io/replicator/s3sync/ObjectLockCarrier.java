package io.replicator.s3sync;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries Object Lock retention and legal holds onto copies where both buckets have Object Lock
 * enabled. Each bucket is asked once per run, and only when a copy needs the answer (a no-change
 * run asks nothing). Where the source bucket has Object Lock, server-side single copies HEAD the
 * source object first (a CopyObject does not carry the lock). A locked object that cannot keep its
 * lock (the destination bucket has no Object Lock) is copied without it and reported once per run.
 */
final class ObjectLockCarrier {
    private final Store source;
    private final S3Store destination;
    private final RunTotals totals;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Boolean sourceEnabled;
    private volatile Boolean destinationEnabled;

    ObjectLockCarrier(Store source, S3Store destination, RunTotals totals) {
        this.source = source;
        this.destination = destination;
        this.totals = totals;
    }

    /** The source bucket can hold locked objects: copies must read each object's lock state. */
    boolean sourceMayLock() {
        if (sourceEnabled == null) {
            sourceEnabled = source instanceof S3Store s && s.objectLockEnabled();
        }
        return sourceEnabled;
    }

    /** What to write for a copy of an object with this protection: its lock only where the destination keeps it. */
    ObjectProtection written(String key, ObjectProtection p) {
        if (!p.locked()) {
            return p;
        }
        if (destinationEnabled == null) {
            destinationEnabled = destination.objectLockEnabled();
        }
        if (destinationEnabled) {
            return p;
        }
        if (reported.compareAndSet(false, true)) {
            totals.note("Object Lock retention or legal hold not carried: destination bucket '" + destination.ref.bucket()
                    + "' has no Object Lock enabled ('" + KeyText.escape(key) + "' is locked at the source; others "
                    + "may be too); copied without it");
        }
        return p.withoutLock();
    }
}

package io.replicator.s3sync;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Keys under {@value #PREFIX} (counted from the bucket root) belong to the sync itself (its state
 * object and upload journal). A sync never lists, copies or deletes them, on either side: a source
 * that holds such keys (for example the destination of another replicator) does not get them copied,
 * so they can never overwrite this job's state; the run names how many were left out.
 */
final class ReservedPrefix {
    static final String PREFIX = ".camel-replicator/";

    private ReservedPrefix() {
    }

    static boolean contains(BucketRef ref, String key) {
        return (ref.prefix() + key).startsWith(PREFIX);
    }

    /** A job whose prefix lies inside the reserved prefix would sync the sync's own state: refused. */
    static void checkJob(BucketJob job) {
        for (BucketRef r : List.of(job.source(), job.destination())) {
            if (r.prefix().startsWith(PREFIX)) {
                throw new SyncFailure("prefix '" + r.prefix() + "' of " + r.describe() + " lies inside the reserved "
                        + "prefix " + PREFIX + ", which holds the sync's own state and is never synced");
            }
        }
    }

    /** Refuses a delete of a reserved key (the planner never plans one: this is the last line of defence). */
    static void checkDeletes(BucketRef ref, List<String> keys) {
        for (String k : keys) {
            if (contains(ref, k)) {
                throw new IllegalStateException("refusing to delete '" + k + "' under the reserved prefix " + PREFIX);
            }
        }
    }

    /** The listing without reserved keys; {@code skipped} is told each one left out. */
    static Iterator<ObjectEntry> excluding(Iterator<ObjectEntry> listing, BucketRef ref, Runnable skipped) {
        return new Iterator<>() {
            private ObjectEntry next;

            @Override
            public boolean hasNext() {
                while (next == null && listing.hasNext()) {
                    ObjectEntry e = listing.next();
                    if (contains(ref, e.key())) {
                        skipped.run();
                    } else {
                        next = e;
                    }
                }
                return next != null;
            }

            @Override
            public ObjectEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ObjectEntry e = next;
                next = null;
                return e;
            }
        };
    }
}

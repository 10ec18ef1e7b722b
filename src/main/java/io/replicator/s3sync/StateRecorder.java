package io.replicator.s3sync;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the next {@link SyncState} during a run (thread-safe: copies record from transfer threads).
 * Entries a run confirmed (still matching) or established (copied or verified by reading both sides)
 * go in; when both listings were read to their end, entries of keys the run did not meet are dropped
 * (the object is gone), except keys the job's filters exclude (another job may sync them). When a
 * listing stopped early, the old entries are kept: each states a fact, so none claims more than
 * was done, and a key whose ETags moved on simply no longer matches.
 */
final class StateRecorder {
    private final SyncState previous;
    private final Map<String, SyncState.Entry> next = new ConcurrentHashMap<>();

    StateRecorder(SyncState previous) {
        this.previous = previous;
    }

    SyncState previous() {
        return previous;
    }

    /** A key the previous state still proves equal. */
    void confirmed(String key) {
        SyncState.Entry e = previous.get(key);
        if (e != null) {
            next.put(key, e);
        }
    }

    /** After a copy or a read of both sides: the destination ETag now holds the source ETag's bytes. */
    void established(String key, String sourceEtag, String destinationEtag) {
        next.put(key, new SyncState.Entry(sourceEtag, destinationEtag));
    }

    SyncState result(boolean listingsComplete, KeyFilter filter) {
        Map<String, SyncState.Entry> out = new HashMap<>();
        previous.entries().forEach((k, e) -> {
            if (!listingsComplete || !filter.accepts(k)) {
                out.put(k, e);
            }
        });
        out.putAll(next);
        return new SyncState(out);
    }
}

package io.replicator.s3sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counts of requests sent, by type, and of attempts that were retries. */
public final class RequestCounter {
    private final AtomicLongArray counts = new AtomicLongArray(RequestType.values().length);
    private final AtomicLongArray retries = new AtomicLongArray(1);

    public void sent(RequestType type) {
        counts.incrementAndGet(type.ordinal());
    }

    public void retried() {
        retries.incrementAndGet(0);
    }

    public long count(RequestType type) {
        return counts.get(type.ordinal());
    }

    public long retries() {
        return retries.get(0);
    }

    /** Non-zero counts only, in enum order. */
    public Map<RequestType, Long> snapshot() {
        Map<RequestType, Long> m = new EnumMap<>(RequestType.class);
        for (RequestType t : RequestType.values()) {
            long n = counts.get(t.ordinal());
            if (n > 0) {
                m.put(t, n);
            }
        }
        return m;
    }
}

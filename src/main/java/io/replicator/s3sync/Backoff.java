package io.replicator.s3sync;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, for the few retries the SDK cannot do itself (local writes). */
final class Backoff {
    private Backoff() {
    }

    static long delayMillis(RetryPolicy p, int attempt) {
        long cap = Math.min(p.maxDelay().toMillis(), p.baseDelay().toMillis() << Math.min(attempt, 20));
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }
}

package io.replicator.s3sync;

import java.time.Duration;

/** Per-request retries: up to maxRetries more attempts, exponential backoff with jitter. */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("retries must be between 0 and 100, got " + maxRetries);
        }
        if (baseDelay == null || baseDelay.isNegative() || maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= base <= max, got "
                    + baseDelay + " / " + maxDelay);
        }
    }
}

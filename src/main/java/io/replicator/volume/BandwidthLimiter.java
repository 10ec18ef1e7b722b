package io.replicator.volume;

import java.io.InterruptedIOException;

/**
 * Caps the bytes per second a sync sends, over all its streams together (a token bucket in
 * virtual-time form: each send moves the time the budget is spent; a sender ahead of it sleeps).
 * Senders may run up to {@link #BURST_NANOS} worth of bytes ahead of the rate, so small frames do
 * not each pay a sleep; idle time is not saved up. Hand-rolled because Netty's traffic shaping handlers queue writes in memory rather than
 * block the writer, and blocking the writing thread is what keeps our memory bounded.
 */
public final class BandwidthLimiter {
    static final long BURST_NANOS = 100_000_000L;

    /** Time source, replaceable in tests. */
    interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final double nanosPerByte;
    private final Clock clock;
    private long spentUntil; // the time at which everything sent so far is paid for
    private boolean started;

    public BandwidthLimiter(long bytesPerSecond) {
        this(bytesPerSecond, SYSTEM);
    }

    BandwidthLimiter(long bytesPerSecond, Clock clock) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidth limit must be positive, got " + bytesPerSecond + " bytes/s");
        }
        this.nanosPerByte = 1e9 / bytesPerSecond;
        this.clock = clock;
    }

    /** Waits until {@code bytes} more may be sent. */
    public void acquire(long bytes) throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            if (!started) {
                spentUntil = now;
                started = true;
            }
            long from = Math.max(spentUntil, now); // idle time is not saved up
            spentUntil = from + (long) (bytes * nanosPerByte);
            wait = spentUntil - now - BURST_NANOS;
        }
        if (wait > 0) {
            try {
                clock.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the bandwidth limit");
            }
        }
    }
}

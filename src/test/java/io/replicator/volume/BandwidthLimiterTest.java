package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The limiter's schedule, on a fake clock that only moves when the limiter sleeps. */
class BandwidthLimiterTest {
    private static final class FakeClock implements BandwidthLimiter.Clock {
        long now = 5_000_000_000L;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    @Test
    void sendsAtTheConfiguredRateAfterOneBurst() throws Exception {
        FakeClock clock = new FakeClock();
        BandwidthLimiter limiter = new BandwidthLimiter(1_000_000, clock); // 1 MB/s
        for (int i = 0; i < 100; i++) {
            limiter.acquire(100_000); // 10 MB in all
        }
        // 10 MB at 1 MB/s is 10 s, of which the first 0.1 s worth went out as a burst
        assertThat(clock.slept).isBetween(9_899_000_000L, 9_901_000_000L);
    }

    @Test
    void idleTimeIsNotSavedUpBeyondOneBurst() throws Exception {
        FakeClock clock = new FakeClock();
        BandwidthLimiter limiter = new BandwidthLimiter(1_000_000, clock);
        limiter.acquire(1);
        clock.now += 60_000_000_000L; // a minute without sending
        limiter.acquire(1_100_000);   // 1.1 s worth: the idle minute buys nothing, 0.1 s may run ahead
        assertThat(clock.slept).isBetween(999_000_000L, 1_001_000_000L);
    }
}

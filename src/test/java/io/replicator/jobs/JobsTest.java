package io.replicator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobsTest {

    @Test
    void aJobCannotRunTwiceAtOnce() throws Exception {
        JobGuard guard = new JobGuard();
        AutoCloseable first = guard.tryStart("daily").orElseThrow();
        assertThat(guard.tryStart("daily")).isEmpty();
        assertThat(guard.tryStart("other")).isPresent();
        first.close();
        assertThat(guard.isRunning("daily")).isFalse();
        assertThat(guard.tryStart("daily")).isPresent();
    }

    @Test
    void progressLinesComeAtTheIntervalAndStopWithTheRun() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        AtomicLong objects = new AtomicLong();
        try (ProgressTicker ticker = new ProgressTicker(Duration.ofMillis(100), l -> {
            lines.add(l);
            three.countDown();
        })) {
            AutoCloseable run = ticker.track("daily", () -> objects.incrementAndGet() + " objects");
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            run.close();
            int afterClose = lines.size();
            // One more tick may have been in flight; after that, nothing: wait for a tick of another run.
            CountDownLatch other = new CountDownLatch(2);
            AutoCloseable second = ticker.track("other", () -> {
                other.countDown();
                return "x";
            });
            assertThat(other.await(10, TimeUnit.SECONDS)).isTrue();
            second.close();
            assertThat(lines.stream().filter(l -> l.startsWith("daily")).count()).isLessThanOrEqualTo(afterClose + 1);
        }
        assertThat(lines.get(0)).isEqualTo("daily: 1 objects");
    }
}

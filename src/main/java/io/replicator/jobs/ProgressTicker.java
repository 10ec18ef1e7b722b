package io.replicator.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one progress line per running job at a fixed interval: never a line per object. */
public final class ProgressTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.replicator.progress");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replicator-progress");
        t.setDaemon(true);
        return t;
    });
    private final Duration interval;
    private final Consumer<String> sink;

    public ProgressTicker(Duration interval) {
        this(interval, LOG::info);
    }

    /** With another sink than the log (tests). */
    public ProgressTicker(Duration interval, Consumer<String> sink) {
        this.interval = interval;
        this.sink = sink;
    }

    /** Starts ticking for one run; close the handle when the run ends. */
    public AutoCloseable track(String job, Supplier<String> progress) {
        long ms = Math.max(interval.toMillis(), 100);
        ScheduledFuture<?> f = timer.scheduleAtFixedRate(
                () -> sink.accept(job + ": " + progress.get()), ms, ms, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

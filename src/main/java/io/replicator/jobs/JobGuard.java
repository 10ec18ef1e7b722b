package io.replicator.jobs;

import io.replicator.config.JobKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one run per job at a time, whatever triggered it (schedule, --once, manual trigger).
 * Quartz's stateful flag covers only the schedule; this covers every path in one place.
 */
public final class JobGuard {
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final JobListener listener;

    public JobGuard(JobListener listener) {
        this.listener = listener;
    }

    public JobGuard() {
        this(JobListener.NONE);
    }

    /** A handle to close when the run ends, or empty if the job is already running. */
    public Optional<AutoCloseable> tryStart(String job) {
        if (!running.add(job)) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            synchronized (this) {
                running.remove(job);
                notifyAll();
            }
        });
    }

    /** Waits until no run of the job is in progress; false if it still is after {@code max}. */
    public synchronized boolean awaitIdle(String job, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (running.contains(job)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Runs the job unless it is already running, in which case the report says it was skipped. */
    public JobReport runExclusive(String job, JobKind kind, String mode, Supplier<JobReport> run) throws Exception {
        Optional<AutoCloseable> running = tryStart(job);
        if (running.isEmpty()) {
            return JobReport.of(job, kind, mode).outcome(JobOutcome.SKIPPED_ALREADY_RUNNING).started(Instant.now())
                    .error("a run of this job is still in progress").build();
        }
        try (AutoCloseable ignored = running.get()) {
            listener.started(kind, job, mode, Instant.now());
            return run.get();
        }
    }

    public boolean isRunning(String job) {
        return running.contains(job);
    }
}

package io.replicator.jobs;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one run per job at a time, whatever triggered it (schedule, --once, manual trigger).
 * Quartz's stateful flag covers only the schedule; this covers every path in one place.
 */
public final class JobGuard {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** A handle to close when the run ends, or empty if the job is already running. */
    public Optional<AutoCloseable> tryStart(String job) {
        if (!running.add(job)) {
            return Optional.empty();
        }
        return Optional.of(() -> running.remove(job));
    }

    public boolean isRunning(String job) {
        return running.contains(job);
    }
}

package io.replicator.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one sync, as written to status by {@link StatusWriter#finished}.
 *
 * @param nextSyncTime  next scheduled run; null when the job is manual-only or paused
 * @param manualTrigger the {@code spec.trigger.manual} value that caused this run, or null
 * @param summary       counters (objects, bytes, ...); written as {@code status.summary}
 * @param logLines      the run's notable log lines; the last 1 KiB goes to latestMoverStatus.logs
 * @param error         what went wrong (never contains secrets, by contract); null on success
 */
public record SyncResult(Outcome outcome, Instant start, Duration duration, Instant nextSyncTime,
        String manualTrigger, Map<String, Long> summary, List<String> logLines, String error) {

    public enum Outcome { SUCCEEDED, FAILED }

    public SyncResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        summary = summary == null ? Map.of() : Map.copyOf(summary);
        logLines = logLines == null ? List.of() : List.copyOf(logLines);
    }

    public Instant end() {
        return start.plus(duration);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}

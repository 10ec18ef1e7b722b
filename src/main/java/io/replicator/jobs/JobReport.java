package io.replicator.jobs;

import io.replicator.config.JobKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one summary of a job run: printed, turned into metrics, written to status.
 *
 * @param kind      which kind of job ran
 * @param mode      sync, dry-run or check
 * @param lines     human-readable summary lines (and the plan of a dry run)
 * @param counters  named totals for metrics, e.g. objects_copied, bytes_copied, requests_get
 * @param error     why the run failed; never contains a secret
 */
public record JobReport(String job, JobKind kind, String mode, JobOutcome outcome, Instant started, Duration duration,
                        List<String> lines, Map<String, Long> counters, String error) {

    public String headline() {
        return String.format("%s %s [%s] %s in %.1fs%s", kind, job, mode, outcome, duration.toMillis() / 1000.0,
                error == null ? "" : ": " + error);
    }
}

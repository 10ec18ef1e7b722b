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
 *
 * <p>Built with {@link #of}; {@link #withLine} and {@link #failed} change a finished report.
 */
public record JobReport(String job, JobKind kind, String mode, JobOutcome outcome, Instant started, Duration duration,
                        List<String> lines, Map<String, Long> counters, String error) {

    /** A report of one run of that job, kind and mode; the builder says how it went. */
    public static Builder of(String job, JobKind kind, String mode) {
        return new Builder(job, kind, mode);
    }

    /** This report with one more line. */
    public JobReport withLine(String line) {
        return new JobReport(job, kind, mode, outcome, started, duration, appended(lines, line), counters, error);
    }

    /** This report failed after all (its data arrived, a later step did not): the reason as error and last line. */
    public JobReport failed(String why) {
        return new JobReport(job, kind, mode, JobOutcome.FAILED, started, duration, appended(lines, "error: " + why),
                counters, why);
    }

    private static List<String> appended(List<String> lines, String line) {
        List<String> all = new java.util.ArrayList<>(lines);
        all.add(line);
        return List.copyOf(all);
    }

    public String headline() {
        return String.format("%s %s [%s] %s in %.1fs%s", kind, job, mode, outcome, duration.toMillis() / 1000.0,
                error == null ? "" : ": " + error);
    }

    /** Builds a JobReport: no lines, no counters and no error unless set. */
    public static final class Builder {
        private final String job;
        private final JobKind kind;
        private final String mode;
        private JobOutcome outcome;
        private Instant started;
        private Duration duration = Duration.ZERO;
        private List<String> lines = List.of();
        private Map<String, Long> counters = Map.of();
        private String error;

        private Builder(String job, JobKind kind, String mode) {
            this.job = job;
            this.kind = kind;
            this.mode = mode;
        }

        public Builder outcome(JobOutcome v) { outcome = v; return this; }
        public Builder started(Instant v) { started = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder lines(List<String> v) { lines = v; return this; }
        public Builder counters(Map<String, Long> v) { counters = v; return this; }
        public Builder error(String v) { error = v; return this; }

        public JobReport build() {
            return new JobReport(job, kind, mode, java.util.Objects.requireNonNull(outcome, "outcome"),
                    java.util.Objects.requireNonNull(started, "started"), duration, lines, counters, error);
        }
    }
}

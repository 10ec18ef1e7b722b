package io.replicator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replicator.config.JobKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VolSync's metrics under our prefix: duration of successful syncs, missed intervals, out-of-sync gauge. */
class JobMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(registry, "prod");

    private static JobReport report(JobKind kind, String mode, JobOutcome outcome) {
        return new JobReport("db", kind, mode, outcome, Instant.now(), Duration.ofSeconds(3), List.of(), Map.of("files_sent", 2L), null);
    }

    private double outOfSync(String role) {
        return registry.get("replicator_volume_out_of_sync").tag("obj_name", "db").tag("obj_namespace", "prod")
                .tag("role", role).tag("method", "deltaTLS").gauge().value();
    }

    @Test
    void outOfSyncFollowsFailuresMissedIntervalsAndTheNextSuccess() {
        metrics.record(report(JobKind.VOLUME_SOURCE, "sync", JobOutcome.SUCCEEDED));
        assertThat(outOfSync("source")).isZero();
        metrics.record(report(JobKind.VOLUME_SOURCE, "sync", JobOutcome.FAILED));
        assertThat(outOfSync("source")).isEqualTo(1.0);
        metrics.record(report(JobKind.VOLUME_SOURCE, "sync", JobOutcome.SUCCEEDED));
        assertThat(outOfSync("source")).isZero();
        metrics.missedInterval("db", JobKind.VOLUME_SOURCE);
        assertThat(outOfSync("source")).isEqualTo(1.0);
        assertThat(registry.get("replicator_missed_intervals").tag("role", "source").counter().count()).isEqualTo(1.0);
        // A skipped trigger says nothing about the destination's state.
        metrics.record(report(JobKind.VOLUME_SOURCE, "sync", JobOutcome.SKIPPED_ALREADY_RUNNING));
        assertThat(outOfSync("source")).isEqualTo(1.0);
    }

    @Test
    void durationCountsSuccessfulSyncsOnlyWithVolSyncsLabels() {
        metrics.record(report(JobKind.VOLUME_DESTINATION, "sync", JobOutcome.SUCCEEDED));
        metrics.record(report(JobKind.VOLUME_DESTINATION, "sync", JobOutcome.FAILED));
        metrics.record(report(JobKind.BUCKET_SYNC, "dry-run", JobOutcome.SUCCEEDED));
        assertThat(registry.get("replicator_sync_duration").tag("role", "destination").tag("method", "deltaTLS")
                .tag("obj_namespace", "prod").timer().count()).isEqualTo(1);
        assertThat(registry.find("replicator_sync_duration").tag("method", "s3sync").timer()).isNull();
        assertThat(outOfSync("destination")).isEqualTo(1.0);
        assertThat(registry.get("replicator_volume_destination_files_sent").counter().count()).isEqualTo(4.0);
    }
}

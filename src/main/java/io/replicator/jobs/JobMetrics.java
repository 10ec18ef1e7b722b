package io.replicator.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.replicator.config.JobKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-job Prometheus metrics from each {@link JobReport}. VolSync's three, under our prefix and with
 * its labels (obj_name, obj_namespace, role, method): replicator_sync_duration_seconds,
 * replicator_missed_intervals_total, replicator_volume_out_of_sync; plus runs by result and every
 * counter of the report as {@code replicator_<kind>_<counter>_total}.
 */
public final class JobMetrics {
    private final MeterRegistry registry;
    private final String namespace;
    private final Map<String, AtomicInteger> outOfSync = new ConcurrentHashMap<>();

    /** @param namespace the Kubernetes namespace, or "" outside Kubernetes */
    public JobMetrics(MeterRegistry registry, String namespace) {
        this.registry = registry;
        this.namespace = namespace;
    }

    public void record(JobReport r) {
        Counter.builder("replicator_job_runs").tag("job", r.job()).tag("kind", r.kind().spelling()).tag("mode", r.mode())
                .tag("result", r.outcome().name().toLowerCase()).register(registry).increment();
        String prefix = "replicator_" + r.kind().spelling().replace('-', '_') + "_";
        for (Map.Entry<String, Long> c : r.counters().entrySet()) {
            Counter.builder(prefix + c.getKey()).tag("job", r.job()).register(registry).increment(c.getValue());
        }
        if (!r.mode().equals("sync") || r.outcome() == JobOutcome.SKIPPED_ALREADY_RUNNING) {
            return; // dry runs, checks and skipped triggers change nothing on the destination
        }
        if (r.outcome().ok()) {
            Timer.builder("replicator_sync_duration").description("duration of successful syncs")
                    .tags(volSyncTags(r.job(), r.kind())).register(registry).record(r.duration());
        }
        outOfSync(r.job(), r.kind()).set(r.outcome().ok() ? 0 : 1);
    }

    /** A schedule slot skipped because the previous run was still busy: the job is now out of sync. */
    public void missedInterval(String job, JobKind kind) {
        Counter.builder("replicator_missed_intervals").tags(volSyncTags(job, kind)).register(registry).increment();
        outOfSync(job, kind).set(1);
    }

    private AtomicInteger outOfSync(String job, JobKind kind) {
        return outOfSync.computeIfAbsent(kind + "/" + job, k -> {
            AtomicInteger v = new AtomicInteger();
            Gauge.builder("replicator_volume_out_of_sync", v, AtomicInteger::get)
                    .description("1 when the last sync failed or a scheduled sync was missed")
                    .tags(volSyncTags(job, kind)).register(registry);
            return v;
        });
    }

    /** VolSync's labels: role is source or destination; method names the data path. */
    private Tags volSyncTags(String job, JobKind kind) {
        String role = kind == JobKind.VOLUME_DESTINATION ? "destination" : "source";
        String method = kind == JobKind.BUCKET_SYNC ? "s3sync" : "deltaTLS";
        return Tags.of("obj_name", job, "obj_namespace", namespace, "role", role, "method", method);
    }
}

package io.replicator.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/**
 * Per-job Prometheus metrics from each {@link JobReport}: runs by result, duration, and every
 * counter of the report as {@code replicator_<kind>_<counter>_total}.
 */
public final class JobMetrics {
    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(JobReport r) {
        Counter.builder("replicator_job_runs").tag("job", r.job()).tag("kind", r.kind()).tag("mode", r.mode())
                .tag("result", r.outcome().name().toLowerCase()).register(registry).increment();
        Timer.builder("replicator_job_duration").tag("job", r.job()).tag("kind", r.kind())
                .register(registry).record(r.duration());
        String prefix = "replicator_" + r.kind().replace('-', '_') + "_";
        for (Map.Entry<String, Long> c : r.counters().entrySet()) {
            Counter.builder(prefix + c.getKey()).tag("job", r.job()).register(registry).increment(c.getValue());
        }
    }

    public void missedInterval(String job, String kind) {
        Counter.builder("replicator_missed_intervals").tag("job", job).tag("kind", kind).register(registry).increment();
    }
}

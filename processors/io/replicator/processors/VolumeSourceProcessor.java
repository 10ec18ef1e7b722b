package io.replicator.processors;

import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.ProgressTicker;
import io.replicator.jobs.VolumeSourceRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Maps the ReplicatorJob header to one volume-source sync; the body becomes its JobReport. */
public final class VolumeSourceProcessor implements Processor {
    private final ReplicatorConfig config;
    private final VolumeSourceRunner runner;
    private final JobGuard guard;
    private final ProgressTicker ticker;

    public VolumeSourceProcessor(ReplicatorConfig config, VolumeSourceRunner runner, JobGuard guard, ProgressTicker ticker) {
        this.config = config;
        this.runner = runner;
        this.guard = guard;
        this.ticker = ticker;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(JobHeaders.JOB, String.class);
        VolumeSourceJobConfig job = Optional.ofNullable(config.volumeSources().get(name))
                .orElseThrow(() -> new IllegalArgumentException("no volume-source job named '" + name + "'"));
        Optional<AutoCloseable> running = guard.tryStart(name);
        if (running.isEmpty()) {
            exchange.getMessage().setBody(new JobReport(name, "volume-source", "sync", JobOutcome.SKIPPED_ALREADY_RUNNING,
                    Instant.now(), Duration.ZERO, List.of(), Map.of(), "a run of this job is still in progress"));
            return;
        }
        try (AutoCloseable ignored = running.get()) {
            exchange.getMessage().setBody(runner.run(job, ticker));
        }
    }
}

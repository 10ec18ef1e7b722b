package io.replicator.processors;

import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.BucketSyncRunner;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.ProgressTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Maps the ReplicatorJob/ReplicatorMode headers to one bucket-sync run; the body becomes its JobReport. */
public final class BucketSyncProcessor implements Processor {
    private final ReplicatorConfig config;
    private final BucketSyncRunner runner;
    private final JobGuard guard;
    private final ProgressTicker ticker;

    public BucketSyncProcessor(ReplicatorConfig config, BucketSyncRunner runner, JobGuard guard, ProgressTicker ticker) {
        this.config = config;
        this.runner = runner;
        this.guard = guard;
        this.ticker = ticker;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(JobHeaders.JOB, String.class);
        BucketSyncJobConfig job = config.bucketSyncJob(name)
                .orElseThrow(() -> new IllegalArgumentException("no bucket-sync job named '" + name + "'"));
        String mode = exchange.getMessage().getHeader(JobHeaders.MODE, String.class);
        if (mode != null) {
            job = job.withMode(BucketSyncJobConfig.Mode.valueOf(mode.toUpperCase().replace('-', '_')));
        }
        Optional<AutoCloseable> running = guard.tryStart(name);
        if (running.isEmpty()) {
            exchange.getMessage().setBody(new JobReport(name, "bucket-sync", modeName(job), JobOutcome.SKIPPED_ALREADY_RUNNING,
                    Instant.now(), Duration.ZERO, List.of(), Map.of(), "a run of this job is still in progress"));
            return;
        }
        try (AutoCloseable ignored = running.get()) {
            exchange.getMessage().setBody(runner.run(job, ticker));
        }
    }

    static String modeName(BucketSyncJobConfig job) {
        return job.mode().name().toLowerCase().replace('_', '-');
    }
}

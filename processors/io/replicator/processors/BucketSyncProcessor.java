package io.replicator.processors;

import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.BucketSyncRunner;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.ProgressTicker;
import io.replicator.s3sync.SyncMode;
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
        BucketSyncJobConfig configured = config.bucketSyncJob(name)
                .orElseThrow(() -> new IllegalArgumentException("no bucket-sync job named '" + name + "'"));
        String mode = exchange.getMessage().getHeader(JobHeaders.MODE, String.class);
        BucketSyncJobConfig moded = mode == null ? configured
                : configured.withMode(SyncMode.valueOf(mode.toUpperCase().replace('-', '_')));
        BucketSyncJobConfig job = Boolean.TRUE.equals(exchange.getMessage().getHeader(JobHeaders.ALLOW_EMPTY_SOURCE,
                Boolean.class)) ? moded.withAllowEmptySource(true) : moded;
        exchange.getMessage().setBody(guard.runExclusive(name, JobKind.BUCKET_SYNC, job.modeName(), () -> runner.run(job, ticker)));
    }
}

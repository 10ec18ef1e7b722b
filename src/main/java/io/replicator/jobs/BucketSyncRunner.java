package io.replicator.jobs;

import io.replicator.config.BucketSyncJobConfig;

/** Runs one bucket-sync job to completion (all its buckets) and reports it. Never throws for job errors. */
public interface BucketSyncRunner {
    JobReport run(BucketSyncJobConfig job, ProgressTicker ticker);
}

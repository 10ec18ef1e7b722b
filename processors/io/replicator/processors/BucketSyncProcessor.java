package io.replicator.processors;

import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.BucketSyncRunner;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.ProgressTicker;
import io.replicator.s3sync.SyncMode;
import org.apache.camel.Message;

/** Maps the ReplicatorJob/ReplicatorMode headers to one bucket-sync run; the body becomes its JobReport. */
public final class BucketSyncProcessor extends ConfiguredJobProcessor<BucketSyncJobConfig> {

    public BucketSyncProcessor(ReplicatorConfig config, BucketSyncRunner runner, JobGuard guard, ProgressTicker ticker) {
        super(new JobKindOps<>(JobKind.BUCKET_SYNC, config::bucketSyncJob,
                (job, mode) -> job.withMode(SyncMode.valueOf(mode)), BucketSyncJobConfig::modeName,
                job -> runner.run(job, ticker)), guard);
    }

    /** The ReplicatorAllowEmptySource header lets this run delete when the source lists nothing. */
    @Override
    BucketSyncJobConfig withRunOptions(BucketSyncJobConfig job, Message message) {
        boolean allowEmptySource = Boolean.TRUE.equals(message.getHeader(JobHeaders.ALLOW_EMPTY_SOURCE, Boolean.class));
        return allowEmptySource ? job.withAllowEmptySource(true) : job;
    }
}

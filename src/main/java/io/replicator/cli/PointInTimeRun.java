package io.replicator.cli;

import io.replicator.config.BucketMapping;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.RemoteConfig;
import io.replicator.config.ReplicatorConfig;

/**
 * Turns {@code --once JOB --point-in-time T --to remote:bucket} into a one-run configuration: the
 * job's source as it was at T, into the named bucket. Only a single-bucket job: which of several
 * buckets a --to bucket restores would be a guess. Never into the bucket being read.
 */
public final class PointInTimeRun {
    private PointInTimeRun() {
    }

    public static ReplicatorConfig apply(ReplicatorConfig config, String jobName, PointInTimeArgs args) {
        BucketSyncJobConfig job = config.bucketSyncJob(jobName).orElseThrow(() -> new CliException(
                "--point-in-time applies to bucket-sync jobs; " + jobName + " is a volume-source job"));
        RemoteConfig to = config.remotes().get(args.remote());
        if (to == null) {
            throw new CliException("--to " + args.target() + ": no remote named '" + args.remote() + "' (configured: "
                    + String.join(", ", config.remotes().keySet()) + ")");
        }
        if (job.buckets().size() != 1) {
            throw new CliException("--point-in-time restores one bucket, and job " + jobName + " syncs "
                    + job.buckets().size() + " (" + job.buckets() + "): configure a job for the bucket to restore");
        }
        BucketMapping m = job.buckets().get(0);
        boolean sameStore = to.name().equals(job.source().name()) || to.sameAccountAs(job.source());
        if (sameStore && args.bucket().equals(m.sourceBucket())) {
            throw new CliException("--to " + args.target() + " is the job's source bucket: a restore drill writes "
                    + "into another bucket");
        }
        BucketMapping target = new BucketMapping(m.sourceBucket(), m.sourcePrefix(), args.bucket(), args.prefix());
        return config.withBucketSyncJob(job.atPointInTime(args.at(), to, target));
    }
}

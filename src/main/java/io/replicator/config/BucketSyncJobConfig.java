package io.replicator.config;

import io.replicator.s3sync.SyncMode;
import java.util.List;

/** One configured bucket-sync job ({@code replicator.bucket-sync.<name>.*}). */
public record BucketSyncJobConfig(String name, RemoteConfig source, RemoteConfig destination,
                                  List<BucketMapping> buckets, CronSchedule schedule, SyncMode mode,
                                  DeleteLimit maxDelete, Tuning tuning, List<String> include, List<String> exclude,
                                  boolean createDestinationBucket, boolean allowEmptySource, StateSettings state) {

    /** Performance knobs; defaults suit most S3 services. */
    public record Tuning(int transfers, long multipartCutoff, long partSize, int retries, int listPageSize) { }

    /**
     * The sync state: bucket on the destination remote that holds it (null = the destination bucket);
     * verifyUnproven: objects neither ETags nor state show equal are read on both sides instead of copied.
     */
    public record StateSettings(String bucket, boolean verifyUnproven) { }

    /** sync, dry-run or check. */
    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public BucketSyncJobConfig withMode(SyncMode newMode) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, newMode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allowEmptySource, state);
    }

    /** allow: deletes may go ahead when the source lists nothing and the destination has objects. */
    public BucketSyncJobConfig withAllowEmptySource(boolean allow) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, mode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allow, state);
    }
}

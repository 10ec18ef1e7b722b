package io.replicator.config;

import java.util.List;

/** One configured bucket-sync job ({@code replicator.bucket-sync.<name>.*}). */
public record BucketSyncJobConfig(String name, RemoteConfig source, RemoteConfig destination,
                                  List<BucketMapping> buckets, CronSchedule schedule, Mode mode,
                                  DeleteLimit maxDelete, Tuning tuning, List<String> include, List<String> exclude,
                                  boolean createDestinationBucket, boolean allowEmptySource, StateSettings state,
                                  Protection protection) {

    /** What a run does: sync for real, only plan, or only compare (like rclone check). */
    public enum Mode { SYNC, DRY_RUN, CHECK }

    /** Performance knobs; defaults suit most S3 services. */
    public record Tuning(int transfers, long multipartCutoff, long partSize, int retries, int listPageSize) { }

    /**
     * The sync state: bucket on the destination remote that holds it (null = the destination bucket);
     * verifyUnproven: objects neither ETags nor state show equal are read on both sides instead of copied.
     */
    public record StateSettings(String bucket, boolean verifyUnproven) { }

    /**
     * What the destination's objects get: a storage class (null = the server's default, {@code source}
     * = each source object's own), server-side encryption with its KMS key id or SSE-C key (a secret).
     */
    public record Protection(String storageClass, Encryption encryption, String kmsKeyId, Secret customerKey) {
        public enum Encryption { NONE, SSE_KMS, SSE_C }

        public static final Protection NONE = new Protection(null, Encryption.NONE, null, null);
    }

    /** sync, dry-run or check. */
    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public BucketSyncJobConfig withMode(Mode newMode) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, newMode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allowEmptySource, state, protection);
    }

    /** allow: deletes may go ahead when the source lists nothing and the destination has objects. */
    public BucketSyncJobConfig withAllowEmptySource(boolean allow) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, mode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allow, state, protection);
    }
}

package io.replicator.config;

import io.replicator.s3sync.SyncMode;
import java.util.List;

/** One configured bucket-sync job ({@code replicator.bucket-sync.<name>.*}); keep null = nothing kept. */
public record BucketSyncJobConfig(String name, RemoteConfig source, RemoteConfig destination,
                                  List<BucketMapping> buckets, CronSchedule schedule, SyncMode mode,
                                  DeleteLimit maxDelete, Tuning tuning, List<String> include, List<String> exclude,
                                  boolean createDestinationBucket, boolean allowEmptySource, StateSettings state,
                                  KeepSettings keep, Versions versions,
                                  Protection protection) {

    /**
     * Performance knobs; defaults suit most S3 services. transfers: objects in flight per bucket;
     * bucketParallelism: buckets of the job worked on at once.
     */
    public record Tuning(int transfers, long multipartCutoff, long partSize, int retries, int listPageSize,
                         int bucketParallelism) { }

    /**
     * The sync state: bucket on the destination remote that holds it (null = the destination bucket);
     * verifyUnproven: objects neither ETags nor state show equal are read on both sides instead of copied.
     */
    public record StateSettings(String bucket, boolean verifyUnproven) { }

    /**
     * Which source versions a run replicates: {@code versions=current} (the default) or {@code all}
     * (every version, into a versioned destination); POINT_IN_TIME only for one {@code --once} run
     * ({@code --point-in-time}), never configured.
     */
    public record Versions(Kind kind, java.time.Instant pointInTime) {
        public enum Kind { CURRENT, ALL, POINT_IN_TIME }

        public static final Versions CURRENT = new Versions(Kind.CURRENT, null);
        public static final Versions ALL = new Versions(Kind.ALL, null);
    }

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

    public BucketSyncJobConfig withMode(SyncMode newMode) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, newMode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allowEmptySource, state, keep, versions, protection);
    }

    /** allow: deletes may go ahead when the source lists nothing and the destination has objects. */
    public BucketSyncJobConfig withAllowEmptySource(boolean allow) {
        return new BucketSyncJobConfig(name, source, destination, buckets, schedule, mode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allow, state, keep, versions, protection);
    }

    /**
     * One restore-drill run: the source as it was at {@code t}, into {@code target} on {@code to}
     * instead of the job's destination; the sync state goes with the target bucket. What it replaces is
     * kept only when {@code to} is the job's own destination remote, where the keep place lives.
     */
    public BucketSyncJobConfig atPointInTime(java.time.Instant t, RemoteConfig to, BucketMapping target) {
        return new BucketSyncJobConfig(name, source, to, List.of(target), schedule, mode, maxDelete, tuning,
                include, exclude, createDestinationBucket, allowEmptySource,
                new StateSettings(null, state.verifyUnproven()), to.equals(destination) ? keep : null, new Versions(Versions.Kind.POINT_IN_TIME, t), protection);
    }
}

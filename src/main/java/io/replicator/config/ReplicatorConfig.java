package io.replicator.config;

import java.util.Map;
import java.util.Optional;

/** Everything under {@code replicator.*}, bound and validated. Maps keep configuration order. */
public record ReplicatorConfig(Settings settings, Map<String, RemoteConfig> remotes,
                               Map<String, BucketSyncJobConfig> bucketSyncJobs,
                               Map<String, VolumeSourceJobConfig> volumeSources,
                               Map<String, VolumeDestinationJobConfig> volumeDestinations) {

    public Optional<BucketSyncJobConfig> bucketSyncJob(String name) {
        return Optional.ofNullable(bucketSyncJobs.get(name));
    }

    /** The kind of the runnable job with this name (bucket-sync or volume-source), if any. */
    public Optional<JobKind> kindOf(String name) {
        if (bucketSyncJobs.containsKey(name)) {
            return Optional.of(JobKind.BUCKET_SYNC);
        }
        return volumeSources.containsKey(name) ? Optional.of(JobKind.VOLUME_SOURCE) : Optional.empty();
    }

    /** The schedule of a runnable job (bucket syncs and volume sources share one name space). */
    public Optional<CronSchedule> scheduleOf(String name) {
        return bucketSyncJob(name).map(BucketSyncJobConfig::schedule)
                .or(() -> Optional.ofNullable(volumeSources.get(name)).map(VolumeSourceJobConfig::schedule));
    }

    /** Jobs that --once can run: bucket syncs and volume sources. */
    public java.util.List<String> runnableJobs() {
        java.util.List<String> names = new java.util.ArrayList<>(bucketSyncJobs.keySet());
        names.addAll(volumeSources.keySet());
        return names;
    }

    /** The same configuration with one bucket-sync job replaced by {@code job} (same name). */
    public ReplicatorConfig withBucketSyncJob(BucketSyncJobConfig job) {
        Map<String, BucketSyncJobConfig> jobs = new java.util.LinkedHashMap<>(bucketSyncJobs);
        jobs.put(job.name(), job);
        return new ReplicatorConfig(settings, remotes, java.util.Collections.unmodifiableMap(jobs), volumeSources,
                volumeDestinations);
    }

    /** The same configuration with one volume-source job run Direct from {@code directory} (--from-path). */
    public ReplicatorConfig withSourcePath(String job, java.nio.file.Path directory) {
        Map<String, VolumeSourceJobConfig> sources = new java.util.LinkedHashMap<>(volumeSources);
        VolumeSourceJobConfig source = sources.get(job);
        if (source == null) {
            throw new IllegalArgumentException(job + " is not a volume-source job");
        }
        sources.put(job, source.fromPath(directory));
        return new ReplicatorConfig(settings, remotes, bucketSyncJobs, Map.copyOf(sources), volumeDestinations);
    }
}

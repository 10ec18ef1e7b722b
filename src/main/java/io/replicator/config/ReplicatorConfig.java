package io.replicator.config;

import java.util.Map;
import java.util.Optional;

/** Everything under {@code replicator.*}, bound and validated. Maps keep configuration order. */
public record ReplicatorConfig(Settings settings, Map<String, RemoteConfig> remotes,
                               Map<String, BucketSyncJobConfig> bucketSyncJobs) {

    public Optional<BucketSyncJobConfig> bucketSyncJob(String name) {
        return Optional.ofNullable(bucketSyncJobs.get(name));
    }

    public boolean hasJob(String name) {
        return bucketSyncJobs.containsKey(name);
    }
}

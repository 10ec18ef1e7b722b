package io.replicator.kube;

import io.replicator.config.BucketMapping;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.s3sync.SyncMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec of the resource that mirrors each configured job, in VolSync's field names. The
 * properties file is the source of truth: these fields are rewritten at every start, while
 * spec.trigger.manual and spec.paused belong to the user.
 */
public final class JobSpecs {
    private JobSpecs() {
    }

    public static Map<String, Object> bucketSync(BucketSyncJobConfig job) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("source", job.source().name());
        spec.put("destination", job.destination().name());
        spec.put("buckets", job.buckets().stream().map(BucketMapping::toString).toList());
        spec.put("dryRun", job.mode() == SyncMode.DRY_RUN);
        spec.put("trigger", Map.of("schedule", job.schedule().original()));
        return spec;
    }

    public static Map<String, Object> replicationSource(VolumeSourceJobConfig job, String keySecret) {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("copyMethod", camel(job.copyMethod().name()));
        tls.put("address", job.address());
        tls.put("port", job.port());
        putIfSet(tls, "keySecret", keySecret);
        VolumeSourceJobConfig.PointInTime p = job.pointInTime();
        putIfSet(tls, "storageClassName", p.storageClassName());
        putIfSet(tls, "volumeSnapshotClassName", p.volumeSnapshotClassName());
        putIfSet(tls, "capacity", p.capacity());
        if (!p.accessModes().isEmpty()) {
            tls.put("accessModes", List.copyOf(p.accessModes()));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        putIfSet(spec, "sourcePVC", p.sourcePvc());
        spec.put("trigger", Map.of("schedule", job.schedule().original()));
        spec.put("rsyncTLS", tls);
        return spec;
    }

    public static Map<String, Object> replicationDestination(VolumeDestinationJobConfig job, String keySecret) {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("copyMethod", camel(job.image().copyMethod().name()));
        tls.put("port", job.port());
        putIfSet(tls, "keySecret", keySecret);
        putIfSet(tls, "address", job.serviceAddress());
        putIfSet(tls, "volumeSnapshotClassName", job.image().volumeSnapshotClassName());
        Map<String, Object> spec = new LinkedHashMap<>();
        putIfSet(spec, "destinationPVC", job.image().pvc());
        spec.put("rsyncTLS", tls);
        return spec;
    }

    /** DIRECT -> Direct, as VolSync spells its copy methods. */
    static String camel(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase();
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

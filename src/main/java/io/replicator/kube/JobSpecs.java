package io.replicator.kube;

import io.replicator.config.BucketMapping;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.kube.api.BucketSyncSpec;
import io.replicator.kube.api.DestinationCopyMethod;
import io.replicator.kube.api.DestinationRsyncTls;
import io.replicator.kube.api.ReplicationDestinationSpec;
import io.replicator.kube.api.ReplicationSourceSpec;
import io.replicator.kube.api.SourceCopyMethod;
import io.replicator.kube.api.SourceRsyncTls;
import io.replicator.kube.api.Trigger;
import io.replicator.s3sync.SyncMode;
import java.util.List;

/**
 * The spec of the resource that mirrors each configured job, in VolSync's field names. The
 * properties file is the source of truth: these fields are rewritten at every start, while
 * spec.trigger.manual and spec.paused belong to the user.
 */
public final class JobSpecs {
    private JobSpecs() {
    }

    public static BucketSyncSpec bucketSync(BucketSyncJobConfig job) {
        BucketSyncSpec spec = new BucketSyncSpec();
        spec.setSource(job.source().name());
        spec.setDestination(job.destination().name());
        spec.setBuckets(job.buckets().stream().map(BucketMapping::toString).toList());
        spec.setDryRun(job.mode() == SyncMode.DRY_RUN);
        spec.setTrigger(schedule(job.schedule().original()));
        return spec;
    }

    public static ReplicationSourceSpec replicationSource(VolumeSourceJobConfig job, String keySecret) {
        SourceRsyncTls tls = new SourceRsyncTls();
        tls.setCopyMethod(switch (job.copyMethod()) {
            case DIRECT -> SourceCopyMethod.Direct;
            case CLONE -> SourceCopyMethod.Clone;
            case SNAPSHOT -> SourceCopyMethod.Snapshot;
        });
        tls.setAddress(job.address());
        tls.setPort(job.port());
        tls.setKeySecret(keySecret);
        VolumeSourceJobConfig.PointInTime p = job.pointInTime();
        tls.setStorageClassName(p.storageClassName());
        tls.setVolumeSnapshotClassName(p.volumeSnapshotClassName());
        tls.setCapacity(p.capacity());
        tls.setAccessModes(p.accessModes().isEmpty() ? null : List.copyOf(p.accessModes()));
        ReplicationSourceSpec spec = new ReplicationSourceSpec();
        spec.setSourcePVC(p.sourcePvc());
        spec.setTrigger(schedule(job.schedule().original()));
        spec.setRsyncTLS(tls);
        return spec;
    }

    public static ReplicationDestinationSpec replicationDestination(VolumeDestinationJobConfig job, String keySecret) {
        DestinationRsyncTls tls = new DestinationRsyncTls();
        tls.setCopyMethod(switch (job.image().copyMethod()) {
            case DIRECT -> DestinationCopyMethod.Direct;
            case SNAPSHOT -> DestinationCopyMethod.Snapshot;
        });
        tls.setPort(job.port());
        tls.setKeySecret(keySecret);
        tls.setAddress(job.serviceAddress());
        tls.setVolumeSnapshotClassName(job.image().volumeSnapshotClassName());
        ReplicationDestinationSpec spec = new ReplicationDestinationSpec();
        spec.setDestinationPVC(job.image().pvc());
        spec.setRsyncTLS(tls);
        return spec;
    }

    private static Trigger schedule(String cron) {
        Trigger trigger = new Trigger();
        trigger.setSchedule(cron);
        return trigger;
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.replicator.kube.api.RsyncEndpoint;
import io.replicator.kube.api.BucketSyncStatus;
import io.replicator.kube.api.JobSpec;
import io.replicator.kube.api.JobStatus;
import io.replicator.kube.api.KeySecretStatus;
import io.replicator.kube.api.LatestImage;
import io.replicator.kube.api.MoverResultValue;
import io.replicator.kube.api.MoverStatus;
import io.replicator.kube.api.ReplicationDestinationStatus;
import io.replicator.kube.api.ReplicationSourceStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes a job resource's status with VolSync's semantics: lastSyncTime and lastSyncDuration only
 * on success, nextSyncTime from the schedule, lastManualSync once a manual trigger ran, one
 * Synchronizing condition. Every write reads the latest object and sends a JSON patch of only the
 * fields it changed to the status subresource (editStatus), so it never touches spec nor fields
 * written by others; writes to one resource from this process are serialised, and a 409 conflict is
 * retried on a fresh read.
 */
public final class StatusWriter {
    static final int ATTEMPTS = 5;
    private final KubernetesClient client;
    private final Map<JobResource, Object> locks = new ConcurrentHashMap<>();

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** A sync began: lastSyncStartTime, Synchronizing True/SyncInProgress. */
    public CustomResource<JobSpec, JobStatus> started(JobResource r, Instant start) {
        return edit(r, JobStatus.class, status -> {
            status.setLastSyncStartTime(KubeTime.format(start));
            SyncCondition.inProgress().applyTo(status, start);
        });
    }

    /** A sync ended, successfully or not; lastSyncTime and lastSyncDuration change only on success. */
    public CustomResource<JobSpec, JobStatus> finished(JobResource r, SyncResult result) {
        return edit(r, JobStatus.class, status -> {
            Instant end = result.end();
            status.setLastSyncStartTime(null);
            if (result.succeeded()) {
                status.setLastSyncTime(KubeTime.format(end));
                status.setLastSyncDuration(GoDuration.format(result.duration()));
            }
            status.setNextSyncTime(result.nextSyncTime() == null ? null : KubeTime.format(result.nextSyncTime()));
            if (result.manualTrigger() != null) {
                status.setLastManualSync(result.manualTrigger());
            }
            MoverStatus mover = new MoverStatus();
            mover.setResult(result.succeeded() ? MoverResultValue.Successful : MoverResultValue.Failed);
            mover.setLogs(MoverLogs.tail(result.logLines(), result.error()));
            status.setLatestMoverStatus(mover);
            status.setSummary(new LinkedHashMap<>(result.summary()));
            SyncCondition condition = !result.succeeded() ? SyncCondition.error(result.error())
                    : result.nextSyncTime() != null ? SyncCondition.waitingForSchedule()
                    : SyncCondition.waitingForManual();
            condition.applyTo(status, end);
        });
    }

    /**
     * {@code status.latestImage}, VolSync's TypedLocalObjectReference: e.g. (snapshot.storage.k8s.io,
     * VolumeSnapshot, name) or (null, PersistentVolumeClaim, name) for the core group.
     */
    public CustomResource<JobSpec, JobStatus> setLatestImage(JobResource r, String apiGroup, String kind, String name) {
        requireKind(r, "latestImage", Set.of(JobResource.REPLICATION_DESTINATION));
        return edit(r, ReplicationDestinationStatus.class, status -> {
            LatestImage image = new LatestImage();
            image.setApiGroup(apiGroup);
            image.setKind(kind);
            image.setName(name);
            status.setLatestImage(image);
        });
    }

    /** {@code status.rsyncTLS.keySecret}: the name of the Secret holding the key (never the key). */
    public CustomResource<JobSpec, JobStatus> setKeySecret(JobResource r, String secretName) {
        requireKind(r, "rsyncTLS.keySecret",
                Set.of(JobResource.REPLICATION_SOURCE, JobResource.REPLICATION_DESTINATION));
        if (r.kind().equals(JobResource.REPLICATION_SOURCE)) {
            return edit(r, ReplicationSourceStatus.class, status -> {
                KeySecretStatus tls = status.getRsyncTLS() == null ? new KeySecretStatus() : status.getRsyncTLS();
                tls.setKeySecret(secretName);
                status.setRsyncTLS(tls);
            });
        }
        return edit(r, ReplicationDestinationStatus.class, status -> address(status).setKeySecret(secretName));
    }

    /** {@code status.rsyncTLS.address} and {@code .port}: where sources reach this destination. */
    public CustomResource<JobSpec, JobStatus> setAddress(JobResource r, String address, int port) {
        requireKind(r, "rsyncTLS.address", Set.of(JobResource.REPLICATION_DESTINATION));
        return edit(r, ReplicationDestinationStatus.class, status -> {
            RsyncEndpoint tls = address(status);
            tls.setAddress(address);
            tls.setPort(port);
        });
    }

    private static RsyncEndpoint address(ReplicationDestinationStatus status) {
        if (status.getRsyncTLS() == null) {
            status.setRsyncTLS(new RsyncEndpoint());
        }
        return status.getRsyncTLS();
    }

    /** The CRD schemas only have these fields for some kinds; a real API server would drop them silently. */
    private static void requireKind(JobResource r, String field, Set<String> kinds) {
        if (!kinds.contains(r.kind())) {
            throw new IllegalArgumentException(r + ": status." + field + " exists only on " + kinds);
        }
    }

    private <T extends JobStatus> CustomResource<JobSpec, JobStatus> edit(JobResource r, Class<T> type, Consumer<T> change) {
        synchronized (locks.computeIfAbsent(r, k -> new Object())) {
            KubernetesClientException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    return r.ops(client).editStatus(latest -> {
                        JobStatus status = latest.getStatus() == null ? emptyStatus(r) : latest.getStatus();
                        change.accept(type.cast(status));
                        latest.setStatus(status);
                        return latest;
                    });
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw new IllegalStateException("cannot write the status of " + r + describe(e), e);
                    }
                    last = e;
                }
            }
            throw new IllegalStateException("cannot write the status of " + r + ": still conflicting after "
                    + ATTEMPTS + " attempts", last);
        }
    }

    private static JobStatus emptyStatus(JobResource r) {
        return switch (r.kind()) {
            case JobResource.REPLICATION_SOURCE -> new ReplicationSourceStatus();
            case JobResource.REPLICATION_DESTINATION -> new ReplicationDestinationStatus();
            default -> new BucketSyncStatus();
        };
    }

    private static String describe(KubernetesClientException e) {
        return e.getCode() == 404 ? ": it does not exist (ResourceMirror.ensure creates it)"
                : ": HTTP " + e.getCode() + " " + e.getMessage();
    }
}

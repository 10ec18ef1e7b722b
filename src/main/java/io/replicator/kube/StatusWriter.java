package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes a job resource's status with VolSync's semantics (lastSyncTime, lastSyncDuration,
 * nextSyncTime, lastManualSync and the Synchronizing condition, as VolSync's ReplicationSource and
 * ReplicationDestination report them). Every write reads the latest object and sends a JSON patch of
 * only the fields it changed to the status subresource (editStatus), so it never touches spec nor
 * fields written by others; writes to one resource from this process are serialised, and a 409
 * conflict is retried on a fresh read.
 */
public final class StatusWriter {
    static final int ATTEMPTS = 5;
    private final KubernetesClient client;
    private final Map<JobResource, Object> locks = new ConcurrentHashMap<>();

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** A sync began: lastSyncStartTime, Synchronizing True/SyncInProgress. */
    public GenericKubernetesResource started(JobResource r, Instant start) {
        return edit(r, status -> {
            status.put("lastSyncStartTime", KubeTime.format(start));
            SyncCondition.inProgress().applyTo(status, start);
        });
    }

    /** A sync ended, successfully or not; lastSyncTime and lastSyncDuration change only on success. */
    public GenericKubernetesResource finished(JobResource r, SyncResult result) {
        return edit(r, status -> {
            Instant end = result.end();
            status.remove("lastSyncStartTime");
            if (result.succeeded()) {
                status.put("lastSyncTime", KubeTime.format(end));
                status.put("lastSyncDuration", GoDuration.format(result.duration()));
            }
            if (result.nextSyncTime() == null) {
                status.remove("nextSyncTime");
            } else {
                status.put("nextSyncTime", KubeTime.format(result.nextSyncTime()));
            }
            if (result.manualTrigger() != null) {
                status.put("lastManualSync", result.manualTrigger());
            }
            Map<String, Object> mover = new LinkedHashMap<>();
            mover.put("result", result.succeeded() ? "Successful" : "Failed");
            mover.put("logs", MoverLogs.tail(result.logLines(), result.error()));
            status.put("latestMoverStatus", mover);
            status.put("summary", new LinkedHashMap<>(result.summary()));
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
    public GenericKubernetesResource setLatestImage(JobResource r, String apiGroup, String kind, String name) {
        requireKind(r, "latestImage", Set.of(JobResource.REPLICATION_DESTINATION));
        return edit(r, status -> {
            Map<String, Object> image = new LinkedHashMap<>();
            if (apiGroup != null) {
                image.put("apiGroup", apiGroup);
            }
            image.put("kind", kind);
            image.put("name", name);
            status.put("latestImage", image);
        });
    }

    /** {@code status.rsyncTLS.keySecret}: the name of the Secret holding the key (never the key). */
    public GenericKubernetesResource setKeySecret(JobResource r, String secretName) {
        requireKind(r, "rsyncTLS.keySecret",
                Set.of(JobResource.REPLICATION_SOURCE, JobResource.REPLICATION_DESTINATION));
        return edit(r, status -> rsyncTls(status).put("keySecret", secretName));
    }

    /** {@code status.rsyncTLS.address} and {@code .port}: where sources reach this destination. */
    public GenericKubernetesResource setAddress(JobResource r, String address, int port) {
        requireKind(r, "rsyncTLS.address", Set.of(JobResource.REPLICATION_DESTINATION));
        return edit(r, status -> {
            Map<String, Object> tls = rsyncTls(status);
            tls.put("address", address);
            tls.put("port", port);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rsyncTls(Map<String, Object> status) {
        Object tls = status.get("rsyncTLS");
        Map<String, Object> copy = tls instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
        status.put("rsyncTLS", copy);
        return copy;
    }

    /** The CRD schemas only have these fields for some kinds; a real API server would drop them silently. */
    private static void requireKind(JobResource r, String field, Set<String> kinds) {
        if (!kinds.contains(r.kind())) {
            throw new IllegalArgumentException(r + ": status." + field + " exists only on " + kinds);
        }
    }

    @SuppressWarnings("unchecked")
    private GenericKubernetesResource edit(JobResource r, Consumer<Map<String, Object>> change) {
        synchronized (locks.computeIfAbsent(r, k -> new Object())) {
            KubernetesClientException last = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    return r.ops(client).editStatus(latest -> {
                        Object current = latest.getAdditionalProperties().get("status");
                        Map<String, Object> status = current instanceof Map<?, ?> m
                                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
                        change.accept(status);
                        latest.getAdditionalProperties().put("status", status);
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

    private static String describe(KubernetesClientException e) {
        return e.getCode() == 404 ? ": it does not exist (ResourceMirror.ensure creates it)"
                : ": HTTP " + e.getCode() + " " + e.getMessage();
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination's point-in-time images (copyMethod Snapshot): a VolumeSnapshot of the data PVC
 * after each successful sync, named like VolSync's {@code <pvc>-yyyyMMddHHmmss} (UTC). Unlike
 * VolSync we wait for readyToUse and keep the newest N rather than only the newest one.
 */
public final class DestinationSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationSnapshots.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int STAMP_LENGTH = 14;

    private final KubernetesClient client;

    public DestinationSnapshots(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Snapshots {@code pvc} and waits until the snapshot is readyToUse; returns its name. A snapshot
     * that reports an error or is not ready within {@code readyTimeout} is deleted again (so it
     * takes no retention slot) and a {@link KubeResourceException} / {@link ReadyTimeoutException}
     * names it.
     */
    public String take(String namespace, String pvc, String volumeSnapshotClassName, Instant now, Duration readyTimeout) {
        String name = pvc + "-" + STAMP.format(now);
        GenericKubernetesResource snapshot = VolumeSnapshots.of(namespace, name, pvc, volumeSnapshotClassName,
                ReplicatorLabels.snapshotOf(pvc));
        VolumeSnapshots.api(client).inNamespace(namespace).resource(snapshot).create();
        try {
            VolumeSnapshots.awaitReady(client, namespace, name, readyTimeout);
        } catch (KubeResourceException e) {
            try {
                VolumeSnapshots.api(client).inNamespace(namespace).withName(name).delete();
            } catch (KubernetesClientException deleteFailed) {
                e.addSuppressed(deleteFailed); // the snapshot's own failure is the one to report
            }
            throw e;
        }
        LOG.info("VolumeSnapshot {}/{} of PVC {} is ready", namespace, name, pvc);
        return name;
    }

    /**
     * Deletes this application's snapshots of {@code pvc} beyond the newest {@code keep}, newest by
     * the name's timestamp (creationTimestamp for names without one). Snapshots labelled
     * {@value ReplicatorLabels#DO_NOT_DELETE} are never deleted and do not count towards
     * {@code keep}; snapshots already being deleted are ignored. Returns the deleted names.
     */
    public List<String> prune(String namespace, String pvc, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("snapshots to keep of PVC " + namespace + "/" + pvc
                    + " must be at least 1, got " + keep);
        }
        List<GenericKubernetesResource> candidates = new ArrayList<>(VolumeSnapshots.api(client).inNamespace(namespace)
                .withLabels(ReplicatorLabels.snapshotOf(pvc)).list().getItems());
        candidates.removeIf(s -> s.getMetadata().getDeletionTimestamp() != null
                || labelled(s.getMetadata(), ReplicatorLabels.DO_NOT_DELETE)
                || !pvc.equals(VolumeSnapshots.field(s, "spec", "source", "persistentVolumeClaimName")));
        candidates.sort(Comparator.comparing((GenericKubernetesResource s) -> takenAt(s, pvc))
                .thenComparing(s -> s.getMetadata().getName()).reversed());
        List<String> deleted = new ArrayList<>();
        for (GenericKubernetesResource old : candidates.subList(Math.min(keep, candidates.size()), candidates.size())) {
            String name = old.getMetadata().getName();
            VolumeSnapshots.api(client).inNamespace(namespace).withName(name).delete();
            deleted.add(name);
        }
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {} old VolumeSnapshot(s) of PVC {}/{} beyond the newest {}: {}",
                    deleted.size(), namespace, pvc, keep, deleted);
        }
        return deleted;
    }

    private static boolean labelled(ObjectMeta meta, String label) {
        return meta.getLabels() != null && meta.getLabels().containsKey(label);
    }

    /** The UTC time in the name {@code <pvc>-yyyyMMddHHmmss}, else the creationTimestamp, else the epoch. */
    static Instant takenAt(GenericKubernetesResource snapshot, String pvc) {
        String name = snapshot.getMetadata().getName();
        if (name.length() == pvc.length() + 1 + STAMP_LENGTH && name.startsWith(pvc + "-")) {
            try {
                return LocalDateTime.parse(name.substring(pvc.length() + 1), STAMP).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not one of our names: fall through to the creation time
            }
        }
        String created = snapshot.getMetadata().getCreationTimestamp();
        try {
            return created == null ? Instant.EPOCH : Instant.parse(created);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}

package io.replicator.kube;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A point-in-time copy of a source PVC for one sync (VolSync's source copyMethod Clone / Snapshot).
 *
 * @param job                     the replication job's name; names and labels the temporaries
 * @param storageClassName        of the temporary PVC; null = the source PVC's class
 * @param volumeSnapshotClassName null = the cluster's default VolumeSnapshotClass (Snapshot only)
 * @param capacity                e.g. "10Gi"; null = the source PVC's size
 * @param accessModes             null or empty = the source PVC's access modes
 * @param readyTimeout            how long to wait for the VolumeSnapshot to become readyToUse
 */
public record SourceCopyRequest(String namespace, String job, String sourcePvc, Method method, String storageClassName,
                                String volumeSnapshotClassName, String capacity, List<String> accessModes,
                                Duration readyTimeout) {

    /** Direct (the mounted live volume) needs no copy, so it is not one of these. */
    public enum Method { CLONE, SNAPSHOT }

    public SourceCopyRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(sourcePvc, "sourcePvc");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        accessModes = accessModes == null ? List.of() : List.copyOf(accessModes);
    }
}

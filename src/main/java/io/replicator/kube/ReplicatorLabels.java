package io.replicator.kube;

import java.util.Map;

/** Labels the application puts on the Kubernetes objects it creates, and the one users set to keep a snapshot. */
public final class ReplicatorLabels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "camel-replicator";
    /** On destination snapshots: the PVC they are a snapshot of (prune selects on it). */
    public static final String SNAPSHOT_OF = "replication.camel-replicator.io/snapshot-of";
    /** On a source sync's temporaries (PVC, VolumeSnapshot, mover Job): the job they belong to. */
    public static final String TEMPORARY_FOR = "replication.camel-replicator.io/temporary-for";
    /** Set by users (any value) on a destination snapshot that prune must never delete. */
    public static final String DO_NOT_DELETE = "replication.camel-replicator.io/do-not-delete";
    /** Kubernetes label values are at most 63 characters. */
    static final int MAX_LABEL_VALUE = 63;

    private ReplicatorLabels() {
    }

    public static Map<String, String> managed() {
        return Map.of(MANAGED_BY, MANAGER);
    }

    public static Map<String, String> temporaryFor(String job) {
        return Map.of(MANAGED_BY, MANAGER, TEMPORARY_FOR, labelValue(TEMPORARY_FOR, job));
    }

    public static Map<String, String> snapshotOf(String pvc) {
        return Map.of(MANAGED_BY, MANAGER, SNAPSHOT_OF, labelValue(SNAPSHOT_OF, pvc));
    }

    private static String labelValue(String label, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LABEL_VALUE) {
            throw new IllegalArgumentException("'" + value + "' cannot be the value of label " + label
                    + ": it must be 1.." + MAX_LABEL_VALUE + " characters");
        }
        return value;
    }
}

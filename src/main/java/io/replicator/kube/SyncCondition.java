package io.replicator.kube;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VolSync's one condition type, {@code Synchronizing}, inside a status map. lastTransitionTime changes
 * only when status or reason changes, so "since when" stays meaningful across repeated writes.
 */
record SyncCondition(String status, String reason, String message) {
    static final String TYPE = "Synchronizing";
    static final String SYNC_IN_PROGRESS = "SyncInProgress";
    static final String WAITING_FOR_SCHEDULE = "WaitingForSchedule";
    static final String WAITING_FOR_MANUAL = "WaitingForManual";
    static final String ERROR = "Error";

    static SyncCondition inProgress() {
        return new SyncCondition("True", SYNC_IN_PROGRESS, "Synchronization in-progress");
    }

    static SyncCondition waitingForSchedule() {
        return new SyncCondition("False", WAITING_FOR_SCHEDULE, "Waiting for next scheduled synchronization");
    }

    static SyncCondition waitingForManual() {
        return new SyncCondition("False", WAITING_FOR_MANUAL, "Waiting for manual trigger");
    }

    static SyncCondition error(String message) {
        return new SyncCondition("False", ERROR, message == null || message.isBlank() ? "sync failed" : message);
    }

    /** Sets this condition in {@code status.conditions}, keeping other condition types. */
    @SuppressWarnings("unchecked")
    void applyTo(Map<String, Object> statusMap, Instant now) {
        List<Object> conditions = statusMap.get("conditions") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        Map<String, Object> previous = null;
        int index = -1;
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i) instanceof Map<?, ?> m && TYPE.equals(m.get("type"))) {
                previous = (Map<String, Object>) m;
                index = i;
            }
        }
        boolean transition = previous == null || !Objects.equals(previous.get("status"), status)
                || !Objects.equals(previous.get("reason"), reason);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", TYPE);
        c.put("status", status);
        c.put("reason", reason);
        c.put("message", message);
        c.put("lastTransitionTime", transition ? KubeTime.format(now) : previous.get("lastTransitionTime"));
        if (index < 0) {
            conditions.add(c);
        } else {
            conditions.set(index, c);
        }
        statusMap.put("conditions", conditions);
    }
}

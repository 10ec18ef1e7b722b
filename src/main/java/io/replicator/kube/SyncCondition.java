package io.replicator.kube;

import io.replicator.kube.api.Condition;
import io.replicator.kube.api.ConditionStatus;
import io.replicator.kube.api.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * VolSync's one condition type, {@code Synchronizing}, in a job's status. lastTransitionTime changes
 * only when status or reason changes, so "since when" stays meaningful across repeated writes.
 */
record SyncCondition(ConditionStatus status, String reason, String message) {
    static final String TYPE = "Synchronizing";
    static final String SYNC_IN_PROGRESS = "SyncInProgress";
    static final String WAITING_FOR_SCHEDULE = "WaitingForSchedule";
    static final String WAITING_FOR_MANUAL = "WaitingForManual";
    static final String ERROR = "Error";

    static SyncCondition inProgress() {
        return new SyncCondition(ConditionStatus.True, SYNC_IN_PROGRESS, "Synchronization in-progress");
    }

    static SyncCondition waitingForSchedule() {
        return new SyncCondition(ConditionStatus.False, WAITING_FOR_SCHEDULE, "Waiting for next scheduled synchronization");
    }

    static SyncCondition waitingForManual() {
        return new SyncCondition(ConditionStatus.False, WAITING_FOR_MANUAL, "Waiting for manual trigger");
    }

    static SyncCondition error(String message) {
        return new SyncCondition(ConditionStatus.False, ERROR, message == null || message.isBlank() ? "sync failed" : message);
    }

    /** Sets this condition in {@code status.conditions}, keeping other condition types. */
    void applyTo(JobStatus jobStatus, Instant now) {
        List<Condition> conditions = jobStatus.getConditions() == null ? new ArrayList<>()
                : new ArrayList<>(jobStatus.getConditions());
        Condition previous = null;
        int index = -1;
        for (int i = 0; i < conditions.size(); i++) {
            if (TYPE.equals(conditions.get(i).getType())) {
                previous = conditions.get(i);
                index = i;
            }
        }
        boolean transition = previous == null || previous.getStatus() != status
                || !Objects.equals(previous.getReason(), reason);
        Condition c = new Condition();
        c.setType(TYPE);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastTransitionTime(transition ? KubeTime.format(now) : previous.getLastTransitionTime());
        if (index < 0) {
            conditions.add(c);
        } else {
            conditions.set(index, c);
        }
        jobStatus.setConditions(conditions);
    }
}

package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.replicator.kube.api.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncConditionTest {
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00.700Z");
    private static final Instant T2 = Instant.parse("2025-03-01T11:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void transitionTimeChangesOnlyWhenStatusOrReasonChanges() {
        JobStatus status = new JobStatus();
        SyncCondition.error("first failure").applyTo(status, T1);
        SyncCondition.error("second failure").applyTo(status, T2);
        assertThat(only(status)).containsEntry("lastTransitionTime", "2025-03-01T10:00:00Z")
                .containsEntry("message", "second failure").containsEntry("reason", "Error");

        SyncCondition.waitingForSchedule().applyTo(status, T2);
        assertThat(only(status)).containsEntry("lastTransitionTime", "2025-03-01T11:00:00Z")
                .containsEntry("status", "False").containsEntry("reason", "WaitingForSchedule");
    }

    @Test
    void otherConditionTypesAreKept() {
        JobStatus status = JSON.convertValue(Map.of("conditions", List.of(Map.of("type", "Custom", "status", "True"))),
                JobStatus.class);
        SyncCondition.inProgress().applyTo(status, T1);
        assertThat((List<?>) asMap(status).get("conditions")).hasSize(2).first()
                .isEqualTo(Map.of("type", "Custom", "status", "True"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(JobStatus status) {
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) asMap(status).get("conditions");
        assertThat(conditions).hasSize(1);
        return conditions.get(0);
    }

    /** The status as the JSON it is written as. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JobStatus status) {
        return JSON.convertValue(status, Map.class);
    }
}

package io.replicator.kube;

import static io.replicator.kube.KubeObjects.get;
import static io.replicator.kube.KubeObjects.spec;
import static io.replicator.kube.KubeObjects.userSetsManual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.kube.SyncResult.Outcome;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusWriterTest {
    private static final JobResource DAILY = new JobResource("BucketSync", "ns1", "daily");
    private static final JobResource DEST = new JobResource("ReplicationDestination", "ns1", "db");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-01T11:00:00Z");
    private final KubeMockServer kube = new KubeMockServer();
    private final KubernetesClient client = kube.client();
    private final ResourceMirror mirror = new ResourceMirror(client);
    private final StatusWriter writer = new StatusWriter(client);

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void aSuccessfulThenAFailedSync() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of("schedule", "0 * * * *"))));

        writer.started(DAILY, T0);
        assertThat(status()).containsEntry("lastSyncStartTime", "2025-03-01T10:00:00Z");
        assertThat(condition()).containsEntry("status", "True").containsEntry("reason", "SyncInProgress")
                .containsEntry("lastTransitionTime", "2025-03-01T10:00:00Z");

        writer.finished(DAILY, new SyncResult(Outcome.SUCCEEDED, T0, Duration.ofMillis(62_500), T1, null,
                Map.of("objectsCopied", 12L, "bytesCopied", 4096L), List.of("copied 12 objects"), null));
        assertThat(status()).doesNotContainKey("lastSyncStartTime").doesNotContainKey("lastManualSync")
                .containsEntry("lastSyncTime", "2025-03-01T10:01:02Z")
                .containsEntry("lastSyncDuration", "1m2.5s")
                .containsEntry("nextSyncTime", "2025-03-01T11:00:00Z")
                .containsEntry("latestMoverStatus", Map.of("result", "Successful", "logs", "copied 12 objects"))
                .containsEntry("summary", Map.of("objectsCopied", 12, "bytesCopied", 4096));
        assertThat(condition()).containsEntry("status", "False").containsEntry("reason", "WaitingForSchedule")
                .containsEntry("lastTransitionTime", "2025-03-01T10:01:02Z");

        Instant t2 = T1.plusSeconds(10);
        writer.started(DAILY, T1);
        writer.finished(DAILY, new SyncResult(Outcome.FAILED, T1, Duration.ofSeconds(10), T1.plusSeconds(3600), null,
                Map.of("objectsCopied", 1L), List.of("copied 1 object"), "destination osl1 bucket b1: 403 Forbidden"));
        assertThat(status()).doesNotContainKey("lastSyncStartTime")
                .containsEntry("lastSyncTime", "2025-03-01T10:01:02Z")
                .containsEntry("lastSyncDuration", "1m2.5s")
                .containsEntry("nextSyncTime", "2025-03-01T12:00:00Z")
                .containsEntry("latestMoverStatus", Map.of("result", "Failed",
                        "logs", "copied 1 object\nerror: destination osl1 bucket b1: 403 Forbidden"))
                .containsEntry("summary", Map.of("objectsCopied", 1));
        assertThat(condition()).containsEntry("status", "False").containsEntry("reason", "Error")
                .containsEntry("message", "destination osl1 bucket b1: 403 Forbidden")
                .containsEntry("lastTransitionTime", t2.toString());
    }

    @Test
    void aManualRunWithoutScheduleWaitsForManualAndRecordsTheTrigger() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of())));
        writer.finished(DAILY, new SyncResult(Outcome.SUCCEEDED, T0, Duration.ofSeconds(2), T1, null, Map.of(), List.of(), null));
        writer.finished(DAILY, new SyncResult(Outcome.SUCCEEDED, T1, Duration.ofMillis(3_200), null, "run-7",
                Map.of(), List.of(), null));
        assertThat(status()).doesNotContainKey("nextSyncTime").containsEntry("lastManualSync", "run-7")
                .containsEntry("lastSyncDuration", "3.2s");
        assertThat(condition()).containsEntry("reason", "WaitingForManual").containsEntry("status", "False");
    }

    @Test
    void statusWritesLeaveTheSpecAsTheUserLeftIt() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of("schedule", "0 * * * *"))));
        writer.started(DAILY, T0);
        GenericKubernetesResource edited = userSetsManual(client, DAILY, "now");
        Object spec = edited.get("spec");
        Long generation = get(client, DAILY).getMetadata().getGeneration();

        writer.finished(DAILY, new SyncResult(Outcome.SUCCEEDED, T0, Duration.ofSeconds(1), T1, null, Map.of(), List.of(), null));

        GenericKubernetesResource after = get(client, DAILY);
        assertThat(after.<Object>get("spec")).isEqualTo(spec);
        assertThat(after.getMetadata().getGeneration()).isEqualTo(generation);
        assertThat(status()).containsEntry("lastSyncTime", "2025-03-01T10:00:01Z");
    }

    @Test
    void destinationImageKeySecretAndAddress() {
        mirror.ensure(DEST, spec(DEST, Map.of("destinationPVC", "data", "rsyncTLS", Map.of("copyMethod", "Snapshot"))));
        writer.setKeySecret(DEST, "volsync-rsync-tls-db");
        writer.setAddress(DEST, "10.0.0.7", 8000);
        writer.setLatestImage(DEST, "snapshot.storage.k8s.io", "VolumeSnapshot", "data-20250301100000");
        assertThat(get(client, DEST).<Object>get("status")).isEqualTo(Map.of(
                "rsyncTLS", Map.of("keySecret", "volsync-rsync-tls-db", "address", "10.0.0.7", "port", 8000),
                "latestImage", Map.of("apiGroup", "snapshot.storage.k8s.io", "kind", "VolumeSnapshot",
                        "name", "data-20250301100000")));

        writer.setLatestImage(DEST, null, "PersistentVolumeClaim", "data");
        assertThat(get(client, DEST).<Object>get("status", "latestImage"))
                .isEqualTo(Map.of("kind", "PersistentVolumeClaim", "name", "data"));
    }

    @Test
    void fieldsAKindDoesNotHaveAndMissingResourcesAreRefusedByName() {
        assertThatThrownBy(() -> writer.setAddress(DAILY, "x", 1))
                .hasMessageContaining("BucketSync ns1/daily").hasMessageContaining("rsyncTLS.address");
        assertThatThrownBy(() -> writer.started(DAILY, T0))
                .hasMessageContaining("BucketSync ns1/daily").hasMessageContaining("does not exist");
    }

    private Map<String, Object> status() {
        return get(client, DAILY).get("status");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> condition() {
        List<Map<String, Object>> conditions = get(client, DAILY).get("status", "conditions");
        assertThat(conditions).hasSize(1).first().extracting(c -> c.get("type")).isEqualTo("Synchronizing");
        return conditions.get(0);
    }
}

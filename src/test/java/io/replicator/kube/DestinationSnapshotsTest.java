package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DestinationSnapshotsTest {
    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    private static final Duration LONG = Duration.ofSeconds(30);
    private final KubeMockServer kube = new KubeMockServer();
    private final ClusterSimulator cluster = new ClusterSimulator(kube.client());
    private final DestinationSnapshots snapshots = new DestinationSnapshots(kube.client());

    @AfterEach
    void close() {
        cluster.close();
        kube.close();
    }

    @Test
    void takeCreatesATimestampedSnapshotAndReturnsOnceItIsReadyToUse() throws Exception {
        Future<GenericKubernetesResource> ready = cluster.snapshotStatus("ns1", "data-20240102030405",
                Map.of("readyToUse", true, "restoreSize", "10Gi"));

        String name = snapshots.take("ns1", "data", "csi-snapclass", NOW, LONG);

        assertThat(name).isEqualTo("data-20240102030405");
        assertThat(ready.get()).isNotNull();
        GenericKubernetesResource taken = VolumeSnapshots.api(kube.client()).inNamespace("ns1").withName(name).get();
        assertThat(taken.getApiVersion()).isEqualTo("snapshot.storage.k8s.io/v1");
        assertThat(taken.getKind()).isEqualTo("VolumeSnapshot");
        assertThat(VolumeSnapshots.field(taken, "spec", "source", "persistentVolumeClaimName")).isEqualTo("data");
        assertThat(VolumeSnapshots.field(taken, "spec", "volumeSnapshotClassName")).isEqualTo("csi-snapclass");
        assertThat(taken.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "camel-replicator")
                .containsEntry("replication.camel-replicator.io/snapshot-of", "data");
    }

    @Test
    void withoutAClassTheSpecLeavesItToTheClusterDefault() {
        cluster.snapshotStatus("ns1", "data-20240102030405", Map.of("readyToUse", true));

        snapshots.take("ns1", "data", null, NOW, LONG);

        GenericKubernetesResource taken = VolumeSnapshots.api(kube.client()).inNamespace("ns1")
                .withName("data-20240102030405").get();
        assertThat(VolumeSnapshots.field(taken, "spec", "volumeSnapshotClassName")).isNull();
        assertThat(VolumeSnapshots.field(taken, "spec", "source", "persistentVolumeClaimName")).isEqualTo("data");
    }

    @Test
    void aSnapshotErrorFailsWithItsMessageAndTheSnapshotIsDeleted() {
        cluster.snapshotStatus("ns1", "data-20240102030405",
                Map.of("readyToUse", false, "error", Map.of("message", "Failed to check and update snapshot content")));

        assertThatThrownBy(() -> snapshots.take("ns1", "data", null, NOW, LONG))
                .isInstanceOf(KubeResourceException.class).isNotInstanceOf(ReadyTimeoutException.class)
                .hasMessage("VolumeSnapshot ns1/data-20240102030405 failed: Failed to check and update snapshot content");
        assertThat(VolumeSnapshots.api(kube.client()).inNamespace("ns1").list().getItems()).isEmpty();
    }

    @Test
    void aSnapshotNotReadyWithinTheTimeoutFailsNamingItAndTheTimeout() {
        // No simulated snapshot controller: the snapshot never becomes ready.
        assertThatThrownBy(() -> snapshots.take("ns1", "data", null, NOW, Duration.ofMillis(300)))
                .isInstanceOf(ReadyTimeoutException.class)
                .hasMessage("VolumeSnapshot ns1/data-20240102030405 was not readyToUse within PT0.3S");
        assertThat(VolumeSnapshots.api(kube.client()).inNamespace("ns1").list().getItems()).isEmpty();
    }

    @Test
    void pruneKeepsTheNewestOfOurSnapshotsOfThatPvcAndNeverAPinnedOne() {
        ours("data-20240101000000", "data", Map.of());
        ours("data-20240104000000", "data", Map.of());
        ours("data-20240102000000", "data", Map.of());
        ours("data-20240103000000", "data", Map.of());
        ours("data-20231201000000", "data", Map.of(ReplicatorLabels.DO_NOT_DELETE, "")); // pinned, the oldest
        ours("logs-20230101000000", "logs", Map.of()); // another PVC's
        create("data-20220101000000", "data", Map.of()); // not ours: no labels

        List<String> deleted = snapshots.prune("ns1", "data", 2);

        assertThat(deleted).containsExactly("data-20240102000000", "data-20240101000000");
        assertThat(VolumeSnapshots.api(kube.client()).inNamespace("ns1").list().getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("data-20240104000000", "data-20240103000000", "data-20231201000000",
                        "logs-20230101000000", "data-20220101000000");
        assertThat(snapshots.prune("ns1", "data", 2)).isEmpty();
        assertThat(snapshots.prune("ns1", "data", 1)).containsExactly("data-20240103000000");
    }

    @Test
    void pruneOrdersNamesWithoutATimestampByCreationTime() {
        GenericKubernetesResource renamed = VolumeSnapshots.of("ns1", "data-manual", "data", null,
                ReplicatorLabels.snapshotOf("data"));
        renamed.getMetadata().setCreationTimestamp("2020-01-01T00:00:00Z");
        assertThat(DestinationSnapshots.takenAt(renamed, "data")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        GenericKubernetesResource named = VolumeSnapshots.of("ns1", "data-20240102030405", "data", null, Map.of());
        assertThat(DestinationSnapshots.takenAt(named, "data")).isEqualTo(NOW);
    }

    @Test
    void pruneNeedsToKeepAtLeastOne() {
        assertThatThrownBy(() -> snapshots.prune("ns1", "data", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("snapshots to keep of PVC ns1/data must be at least 1, got 0");
    }

    private void ours(String name, String pvc, Map<String, String> extraLabels) {
        Map<String, String> labels = new HashMap<>(ReplicatorLabels.snapshotOf(pvc));
        labels.putAll(extraLabels);
        create(name, pvc, labels);
    }

    private void create(String name, String pvc, Map<String, String> labels) {
        VolumeSnapshots.api(kube.client()).inNamespace("ns1")
                .resource(VolumeSnapshots.of("ns1", name, pvc, null, labels)).create();
    }
}

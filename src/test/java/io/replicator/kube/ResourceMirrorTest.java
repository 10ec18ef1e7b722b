package io.replicator.kube;

import static io.replicator.kube.KubeObjects.get;
import static io.replicator.kube.KubeObjects.raw;
import static io.replicator.kube.KubeObjects.spec;
import static io.replicator.kube.KubeObjects.userEditsSpec;
import static io.replicator.kube.KubeObjects.userSetsManual;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.testing.KubeMockServer;
import io.replicator.testing.RawJobResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceMirrorTest {
    private static final JobResource DAILY = new JobResource("BucketSync", "ns1", "daily");
    private static final JobResource SOURCE = new JobResource("ReplicationSource", "ns1", "db");
    private final KubeMockServer kube = new KubeMockServer();
    private final KubernetesClient client = kube.client();
    private final ResourceMirror mirror = new ResourceMirror(client);

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void createsTheResourceWithTheConfiguredSpecAndTheManagedByLabel() {
        GenericKubernetesResource created = raw(mirror.ensure(DAILY, spec(DAILY, Map.of("source", "sto2", "destination", "osl1",
                "buckets", List.of("a", "b"), "trigger", Map.of("schedule", "*/5 * * * *")))));

        assertThat(created.getMetadata().getUid()).isNotBlank();
        GenericKubernetesResource stored = get(client, DAILY);
        assertThat(stored.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "camel-replicator");
        assertThat(stored.getApiVersion()).isEqualTo("replication.camel-replicator.io/v1alpha1");
        assertThat(stored.<Object>get("spec")).isEqualTo(Map.of("source", "sto2", "destination", "osl1",
                "buckets", List.of("a", "b"), "trigger", Map.of("schedule", "*/5 * * * *")));
    }

    @Test
    void updatesConfiguredFieldsAndKeepsManualAndPausedFromTheCluster() {
        mirror.ensure(SOURCE, spec(SOURCE, Map.of("sourcePVC", "data", "paused", false,
                "trigger", Map.of("schedule", "0 * * * *"), "rsyncTLS", Map.of("copyMethod", "Direct", "port", 8000))));
        userEditsSpec(client, SOURCE, spec -> spec.put("paused", true));
        userSetsManual(client, SOURCE, "now-1");

        GenericKubernetesResource updated = raw(mirror.ensure(SOURCE, spec(SOURCE, Map.of("sourcePVC", "data2", "paused", false,
                "trigger", Map.of("schedule", "*/10 * * * *", "manual", "from-config"),
                "rsyncTLS", Map.of("copyMethod", "Snapshot")))));

        assertThat(updated.<Object>get("spec")).isEqualTo(get(client, SOURCE).get("spec"));
        assertThat(get(client, SOURCE).<Object>get("spec")).isEqualTo(Map.of("sourcePVC", "data2", "paused", true,
                "trigger", Map.of("schedule", "*/10 * * * *", "manual", "now-1"),
                "rsyncTLS", Map.of("copyMethod", "Snapshot")));
    }

    @Test
    void aScheduleRemovedFromConfigurationIsRemovedButManualStays() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of("schedule", "0 * * * *"))));
        userSetsManual(client, DAILY, "go");
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of())));
        assertThat(get(client, DAILY).<Object>get("spec", "trigger")).isEqualTo(Map.of("manual", "go"));
    }

    @Test
    void fieldsUnknownToConfigurationAndAnUnchangedSpecAreLeftAlone() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "destination", "b", "trigger", Map.of("schedule", "0 * * * *"))));
        userEditsSpec(client, DAILY, spec -> spec.put("dryRun", true));
        String version = get(client, DAILY).getMetadata().getResourceVersion();

        GenericKubernetesResource same = raw(mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "destination", "b",
                "trigger", Map.of("schedule", "0 * * * *")))));

        assertThat(same.getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(get(client, DAILY).getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(get(client, DAILY).<Object>get("spec", "dryRun")).isEqualTo(true);
    }

    @Test
    void anExistingUnlabelledResourceIsAdopted() {
        client.genericKubernetesResources(RawJobResources.context("BucketSync")).inNamespace("ns1")
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion(JobResource.API_VERSION).withKind("BucketSync")
                        .withNewMetadata().withName("daily").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("source", "a")).build())
                .create();
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a")));
        assertThat(get(client, DAILY).getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "camel-replicator");
    }

    @Test
    void aSpecUpdateKeepsTheStatus() {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of("schedule", "0 * * * *"))));
        Instant start = Instant.parse("2025-03-01T10:00:00Z");
        new StatusWriter(client).finished(DAILY, new SyncResult(SyncResult.Outcome.SUCCEEDED, start,
                Duration.ofSeconds(3), start.plusSeconds(3600), null, Map.of("objects", 4L), List.of(), null));
        Object status = get(client, DAILY).get("status");

        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "b", "trigger", Map.of("schedule", "30 * * * *"))));

        assertThat(get(client, DAILY).<Object>get("spec", "source")).isEqualTo("b");
        assertThat(get(client, DAILY).<Object>get("status")).isEqualTo(status);
        assertThat(get(client, DAILY).<Object>get("status", "lastSyncTime")).isEqualTo("2025-03-01T10:00:03Z");
    }
}

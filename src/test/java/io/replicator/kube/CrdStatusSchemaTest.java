package io.replicator.kube;

import static io.replicator.kube.KubeObjects.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.kube.SyncResult.Outcome;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mock server does not validate against the CRD schemas, a real API server prunes unknown status
 * fields silently and rejects missing required ones: everything StatusWriter writes must be declared
 * in k8s/base/crd/ for that kind.
 */
class CrdStatusSchemaTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void everyStatusFieldWrittenIsDeclaredInTheKindsSchema() {
        try (KubeMockServer kube = new KubeMockServer()) {
            KubernetesClient client = kube.client();
            ResourceMirror mirror = new ResourceMirror(client);
            StatusWriter writer = new StatusWriter(client);
            for (String kind : JobResource.PLURALS.keySet()) {
                JobResource r = new JobResource(kind, "ns1", "job");
                mirror.ensure(r, spec(r, Map.of("paused", false)));
                writer.started(r, T0);
                writer.finished(r, new SyncResult(Outcome.SUCCEEDED, T0, Duration.ofSeconds(3), T0.plusSeconds(60),
                        "m1", Map.of("bytes", 1L), List.of("ok"), null));
                writer.started(r, T0.plusSeconds(60));
                if (!kind.equals(JobResource.BUCKET_SYNC)) {
                    writer.setKeySecret(r, "key");
                }
                if (kind.equals(JobResource.REPLICATION_DESTINATION)) {
                    writer.setAddress(r, "10.0.0.1", 8000);
                    writer.setLatestImage(r, "snapshot.storage.k8s.io", "VolumeSnapshot", "snap");
                }
                assertThat(CrdSchemaValidator.problems(KubeObjects.get(client, r).get("status"), statusSchema(client, kind)))
                        .as(kind).isEmpty();
            }
        }
    }

    @Test
    void theValidatorReportsWhatAnApiServerWouldRefuseOrPrune() {
        try (KubeMockServer kube = new KubeMockServer()) {
            JSONSchemaProps schema = statusSchema(kube.client(), JobResource.BUCKET_SYNC);
            assertThat(CrdSchemaValidator.problems(Map.of("lastSyncTime", "2025-03-01T10:00:00Z"), schema)).isEmpty();
            assertThat(CrdSchemaValidator.problems(Map.of("undeclared", "x"), schema)).singleElement().asString().contains("undeclared");
            assertThat(CrdSchemaValidator.problems(Map.of("lastSyncTime", "yesterday"), schema)).singleElement().asString().contains("date-time");
            assertThat(CrdSchemaValidator.problems(Map.of("latestMoverStatus", Map.of("result", "Maybe")), schema)).hasSize(1);
            assertThat(CrdSchemaValidator.problems(Map.of("conditions", List.of(Map.of("type", "Synchronizing"))), schema))
                    .hasSize(4); // status, lastTransitionTime, reason and message are required
        }
    }

    private static JSONSchemaProps statusSchema(KubernetesClient client, String kind) {
        String name = JobResource.PLURALS.get(kind) + "." + JobResource.GROUP;
        return client.apiextensions().v1().customResourceDefinitions().withName(name).get()
                .getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("status");
    }
}

package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemporaryResourcesTest {
    private final KubeMockServer kube = new KubeMockServer();
    private final TemporaryResources temporaries = new TemporaryResources(kube.client());

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void cleanupDeletesOnlyThatJobsTemporaries() {
        Map<String, String> app = ReplicatorLabels.temporaryFor("app");
        pvc("camel-replicator-app-src", app);
        pvc("camel-replicator-other-src", ReplicatorLabels.temporaryFor("other"));
        pvc("data", Map.of());
        pvc("users-own", Map.of(ReplicatorLabels.TEMPORARY_FOR, "app")); // not managed by us
        kube.client().batch().v1().jobs().inNamespace("ns1").resource(new JobBuilder().withNewMetadata()
                .withName("camel-replicator-app-mover").withLabels(app).endMetadata().withNewSpec().withNewTemplate()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        VolumeSnapshots.api(kube.client()).inNamespace("ns1")
                .resource(VolumeSnapshots.of("ns1", "camel-replicator-app-src", "data", null, app)).create();

        assertThat(temporaries.cleanup("ns1", "app")).isEqualTo(3);

        assertThat(kube.client().persistentVolumeClaims().inNamespace("ns1").list().getItems())
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("camel-replicator-other-src", "data", "users-own");
        assertThat(kube.client().batch().v1().jobs().inNamespace("ns1").list().getItems()).isEmpty();
        assertThat(VolumeSnapshots.api(kube.client()).inNamespace("ns1").list().getItems()).isEmpty();
        assertThat(temporaries.awaitGone("ns1", "app", Duration.ofSeconds(30))).isTrue();
        assertThat(temporaries.cleanup("ns1", "app")).isZero();
    }

    @Test
    void awaitGoneGivesUpAfterTheTimeoutWhileATemporaryIsLeft() {
        pvc("camel-replicator-app-src", ReplicatorLabels.temporaryFor("app"));

        assertThat(temporaries.awaitGone("ns1", "app", Duration.ofMillis(300))).isFalse();
    }

    private void pvc(String name, Map<String, String> labels) {
        kube.client().persistentVolumeClaims().inNamespace("ns1").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .build()).create();
    }
}

package io.replicator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture serves our CRDs with status-subresource semantics. */
class KubeMockServerTest {

    @Test
    void customResourcesHaveAStatusSubresource() {
        try (KubeMockServer kube = new KubeMockServer()) {
            assertThat(kube.client().apiextensions().v1().customResourceDefinitions().list().getItems())
                    .extracting(c -> c.getSpec().getNames().getKind())
                    .containsExactlyInAnyOrder("BucketSync", "ReplicationSource", "ReplicationDestination");
            CustomResourceDefinitionContext ctx = kube.context("BucketSync");
            GenericKubernetesResource created = kube.client().genericKubernetesResources(ctx).inNamespace("ns1")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("replication.camel-replicator.io/v1alpha1")
                            .withKind("BucketSync").withNewMetadata().withName("daily").endMetadata()
                            .addToAdditionalProperties("spec", Map.of("source", "sto2", "destination", "osl1"))
                            .build())
                    .create();

            created.getAdditionalProperties().put("status", Map.of("lastSyncDuration", "12s"));
            kube.client().genericKubernetesResources(ctx).inNamespace("ns1").resource(created).updateStatus();

            GenericKubernetesResource withStatus = kube.client().genericKubernetesResources(ctx).inNamespace("ns1")
                    .withName("daily").get();
            assertThat(withStatus.get("status", "lastSyncDuration").toString()).isEqualTo("12s");

            // A spec update that carries a different status must not change the status.
            withStatus.getAdditionalProperties().put("spec", Map.of("source", "sto2", "destination", "osl9"));
            withStatus.getAdditionalProperties().put("status", Map.of("lastSyncDuration", "99s"));
            kube.client().genericKubernetesResources(ctx).inNamespace("ns1").resource(withStatus).update();
            GenericKubernetesResource after = kube.client().genericKubernetesResources(ctx).inNamespace("ns1")
                    .withName("daily").get();
            assertThat(after.get("spec", "destination").toString()).isEqualTo("osl9");
            assertThat(after.get("status", "lastSyncDuration").toString()).isEqualTo("12s");
        }
    }
}

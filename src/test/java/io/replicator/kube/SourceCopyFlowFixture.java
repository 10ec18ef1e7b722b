package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.replicator.kube.SourceCopyRequest.Method;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Source syncs of job "app" in ns1 from PVC "data" (10Gi, ReadWriteOnce, class "fast") against the
 * mock API server, with the cluster's controllers simulated.
 */
abstract class SourceCopyFlowFixture {
    static final String NS = "ns1";
    static final String TEMP = "camel-replicator-app-src";
    static final String MOVER = "camel-replicator-app-mover";
    static final Duration LONG = Duration.ofSeconds(30);
    static final JobStatus SUCCEEDED = new JobStatusBuilder().withSucceeded(1).build();
    final KubeMockServer kube = new KubeMockServer();
    final ClusterSimulator cluster = new ClusterSimulator(kube.client());
    final SourceCopyFlow flow = new SourceCopyFlow(kube.client());
    final PodSpec base = MoverFixtures.appPodSpec();

    @BeforeEach
    void sourcePvc() {
        kube.client().persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("fast")
                .withNewResources().addToRequests("storage", new Quantity("10Gi")).endResources().endSpec()
                .build()).create();
    }

    @AfterEach
    void close() {
        cluster.close();
        kube.close();
    }

    void assertNoTemporariesLeft() {
        Map<String, String> labels = ReplicatorLabels.temporaryFor("app");
        assertThat(kube.client().batch().v1().jobs().inNamespace(NS).withLabels(labels).list().getItems()).isEmpty();
        assertThat(kube.client().persistentVolumeClaims().inNamespace(NS).withLabels(labels).list().getItems()).isEmpty();
        assertThat(VolumeSnapshots.api(kube.client()).inNamespace(NS).withLabels(labels).list().getItems()).isEmpty();
        assertThat(kube.client().batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
    }

    static SourceCopyRequest copy(Method method, String capacity, Duration readyTimeout) {
        return new SourceCopyRequest(NS, "app", "data", method, null, "csi-snaps", capacity, null, readyTimeout);
    }

    MoverJobRequest mover(Duration timeout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REPLICATOR_VOLUME_SOURCE_APP_PATH", "/mover/data");
        env.put("REPLICATOR_VOLUME_SOURCE_APP_COPY_METHOD", "Direct");
        env.put("REPLICATOR_KUBERNETES_ENABLED", "false");
        return MoverJobRequest.builder(NS, "app", base, "/mover/data").container("replicator")
                .args(List.of("--once", "app")).env(env).timeout(timeout).ttlAfterFinished(Duration.ofMinutes(10)).build();
    }
}

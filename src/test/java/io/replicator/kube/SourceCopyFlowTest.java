package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.replicator.kube.ClusterSimulator.Observed;
import io.replicator.kube.MoverResult.Outcome;
import io.replicator.kube.SourceCopyRequest.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Clone and Snapshot source syncs that succeed: the objects they make and their cleanup. */
class SourceCopyFlowTest extends SourceCopyFlowFixture {

    @Test
    void cloneMakesAPvcOfTheSourceRunsTheMoverOnItAndCleansUp() throws Exception {
        Future<Observed> seen = cluster.jobStatus(NS, MOVER, SUCCEEDED);

        MoverResult result = flow.run(copy(Method.CLONE, null, LONG), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).isEqualTo("mover Job ns1/camel-replicator-app-mover succeeded");
        assertThat(result.logTail()).isEmpty(); // no Job controller here, so no mover pod (see MoverLogTailTest)
        PersistentVolumeClaim clone = seen.get().pvc(TEMP);
        assertThat(clone.getSpec().getDataSource().getKind()).isEqualTo("PersistentVolumeClaim");
        assertThat(clone.getSpec().getDataSource().getName()).isEqualTo("data");
        assertThat(clone.getSpec().getDataSource().getApiGroup()).isNull();
        assertThat(clone.getSpec().getStorageClassName()).isEqualTo("fast");
        assertThat(clone.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(clone.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("10Gi"));
        assertThat(clone.getMetadata().getLabels()).isEqualTo(ReplicatorLabels.temporaryFor("app"));
        assertThat(seen.get().snapshots()).isEmpty();
        assertMoverJob(seen.get().job());
        assertNoTemporariesLeft();
        assertThat(kube.client().persistentVolumeClaims().inNamespace(NS).withName("data").get()).isNotNull();
        assertThat(base).isEqualTo(MoverFixtures.appPodSpec()); // the caller's spec is not modified
    }

    @Test
    void snapshotWaitsUntilReadyThenRestoresAPvcFromItForTheMoverAndCleansUp() throws Exception {
        cluster.snapshotStatus(NS, TEMP, Map.of("readyToUse", true, "restoreSize", "12Gi"));
        Future<Observed> seen = cluster.jobStatus(NS, MOVER, SUCCEEDED);

        MoverResult result = flow.run(copy(Method.SNAPSHOT, null, LONG), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(seen.get().snapshots()).singleElement().satisfies(s -> {
            assertThat(s.getMetadata().getName()).isEqualTo(TEMP);
            assertThat(VolumeSnapshots.field(s, "spec", "source", "persistentVolumeClaimName")).isEqualTo("data");
            assertThat(VolumeSnapshots.field(s, "spec", "volumeSnapshotClassName")).isEqualTo("csi-snaps");
            assertThat(s.getMetadata().getLabels()).isEqualTo(ReplicatorLabels.temporaryFor("app"));
        });
        PersistentVolumeClaim restored = seen.get().pvc(TEMP);
        assertThat(restored.getSpec().getDataSource().getApiGroup()).isEqualTo("snapshot.storage.k8s.io");
        assertThat(restored.getSpec().getDataSource().getKind()).isEqualTo("VolumeSnapshot");
        assertThat(restored.getSpec().getDataSource().getName()).isEqualTo(TEMP);
        // The snapshot's restoreSize is larger than the source's request: the PVC must hold it.
        assertThat(restored.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("12Gi"));
        assertMoverJob(seen.get().job());
        assertNoTemporariesLeft();
    }

    @Test
    void givenCapacityAccessModesAndStorageClassOverrideTheSources() throws Exception {
        Future<Observed> seen = cluster.jobStatus(NS, MOVER, SUCCEEDED);
        SourceCopyRequest copy = new SourceCopyRequest(NS, "app", "data", Method.CLONE, "other", null, "20Gi",
                List.of("ReadWriteMany"), LONG);

        assertThat(flow.run(copy, mover(LONG)).succeeded()).isTrue();

        PersistentVolumeClaim clone = seen.get().pvc(TEMP);
        assertThat(clone.getSpec().getStorageClassName()).isEqualTo("other");
        assertThat(clone.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(clone.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("20Gi"));
    }

    private void assertMoverJob(Job job) {
        assertThat(job.getMetadata().getName()).isEqualTo(MOVER);
        assertThat(job.getMetadata().getLabels()).isEqualTo(ReplicatorLabels.temporaryFor("app"));
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(30L);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(ReplicatorLabels.temporaryFor("app"));
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getNodeName()).isNull();
        assertThat(pod.getServiceAccountName()).isEqualTo("camel-replicator");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("config", "mover-data");
        assertThat(pod.getVolumes().get(1).getPersistentVolumeClaim().getClaimName()).isEqualTo(TEMP);
        assertThat(pod.getContainers()).singleElement().satisfies(this::assertMoverContainer);
    }

    private void assertMoverContainer(Container c) {
        assertThat(c.getName()).isEqualTo("replicator");
        assertThat(c.getImage()).isEqualTo("ghcr.io/example/camel-replicator:1.0");
        assertThat(c.getArgs()).containsExactly("--once", "app");
        assertThat(c.getVolumeMounts()).extracting(m -> m.getName() + "@" + m.getMountPath())
                .containsExactly("config@/config", "mover-data@/mover/data");
        assertThat(c.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("JAVA_OPTS", "-Xmx256m"),
                org.assertj.core.groups.Tuple.tuple("REPLICATOR_VOLUME_SOURCE_APP_PATH", "/mover/data"),
                org.assertj.core.groups.Tuple.tuple("REPLICATOR_VOLUME_SOURCE_APP_COPY_METHOD", "Direct"),
                org.assertj.core.groups.Tuple.tuple("REPLICATOR_KUBERNETES_ENABLED", "false"),
                org.assertj.core.groups.Tuple.tuple("JAVA_TOOL_OPTIONS", OneShotJvmOptions.OPTIONS));
        assertThat(c.getLivenessProbe()).isNull();
        assertThat(c.getReadinessProbe()).isNull();
        assertThat(c.getPorts()).isEmpty();
    }
}

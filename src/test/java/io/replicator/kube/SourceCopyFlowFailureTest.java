package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.replicator.kube.ClusterSimulator.Observed;
import io.replicator.kube.MoverResult.Outcome;
import io.replicator.kube.SourceCopyRequest.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Source syncs that fail or time out, and recovery from a crashed one: always reported, always cleaned up. */
class SourceCopyFlowFailureTest extends SourceCopyFlowFixture {

    @Test
    void aFailedMoverIsReportedAndEveryTemporaryIsDeleted() throws Exception {
        cluster.snapshotStatus(NS, TEMP, Map.of("readyToUse", true));
        Future<Observed> seen = cluster.jobStatus(NS, MOVER, new JobStatusBuilder().withFailed(1)
                .addNewCondition().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").endCondition().build());

        MoverResult result = flow.run(copy(Method.SNAPSHOT, null, LONG), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("mover Job ns1/camel-replicator-app-mover failed: "
                + "BackoffLimitExceeded: Job has reached the specified backoff limit");
        assertThat(seen.get().snapshots()).hasSize(1);
        assertNoTemporariesLeft();
    }

    @Test
    void aMoverThatDoesNotFinishInTimeIsReportedAndEveryTemporaryIsDeleted() throws Exception {
        // No simulated Job controller: the Job never finishes.
        MoverResult result = flow.run(copy(Method.CLONE, null, LONG), mover(Duration.ofMillis(500)));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.message()).isEqualTo("mover Job ns1/camel-replicator-app-mover did not finish within PT0.5S");
        assertNoTemporariesLeft();
    }

    @Test
    void aSnapshotThatIsNotReadyInTimeEndsTheSyncWithATimeout() {
        MoverResult result = flow.run(copy(Method.SNAPSHOT, null, Duration.ofMillis(300)), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.message()).isEqualTo("VolumeSnapshot ns1/camel-replicator-app-src was not readyToUse within PT0.3S");
        assertNoTemporariesLeft();
    }

    @Test
    void aSnapshotErrorEndsTheSyncWithItsMessage() {
        cluster.snapshotStatus(NS, TEMP, Map.of("error", Map.of("message", "snapshot class not found")));

        MoverResult result = flow.run(copy(Method.SNAPSHOT, null, LONG), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("VolumeSnapshot ns1/camel-replicator-app-src failed: snapshot class not found");
        assertNoTemporariesLeft();
    }

    @Test
    void aMissingSourcePvcFailsNamingIt() {
        MoverResult result = flow.run(new SourceCopyRequest(NS, "app", "absent", Method.CLONE, null, null, null,
                null, LONG), mover(LONG));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("source PVC ns1/absent not found");
        assertNoTemporariesLeft();
    }

    @Test
    void leftoversOfACrashedSyncAreReplaced() throws Exception {
        kube.client().persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(TEMP).withLabels(ReplicatorLabels.temporaryFor("app")).endMetadata()
                .withNewSpec().withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .build()).create();
        Future<Observed> seen = cluster.jobStatus(NS, MOVER, SUCCEEDED);

        assertThat(flow.run(copy(Method.CLONE, null, LONG), mover(LONG)).succeeded()).isTrue();
        assertThat(seen.get().pvc(TEMP).getSpec().getDataSource().getName()).isEqualTo("data");
        assertNoTemporariesLeft();
    }
}

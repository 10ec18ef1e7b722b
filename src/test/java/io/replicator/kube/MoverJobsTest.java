package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.replicator.kube.ClusterSimulator.Observed;
import io.replicator.kube.MoverResult.Outcome;
import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoverJobsTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private final KubeMockServer kube = new KubeMockServer();
    private final ClusterSimulator cluster = new ClusterSimulator(kube.client());
    private final MoverJobs movers = new MoverJobs(kube.client());

    @AfterEach
    void close() {
        cluster.close();
        kube.close();
    }

    @Test
    void theClustersDeadlineIsReportedAsATimeout() {
        cluster.jobStatus("ns1", "camel-replicator-app-mover", new JobStatusBuilder().withFailed(1).addNewCondition()
                .withType("Failed").withStatus("True").withReason("DeadlineExceeded")
                .withMessage("Job was active longer than specified deadline").endCondition().build());

        MoverResult result = movers.run(request(null, Map.of()));

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.message()).isEqualTo("mover Job ns1/camel-replicator-app-mover did not finish within PT30S"
                + " (DeadlineExceeded: Job was active longer than specified deadline)");
    }

    @Test
    void aJobWithOnlyAFailedCountFailsAndACompleteConditionSucceeds() {
        assertThat(MoverJobs.outcome(job(new JobStatusBuilder().withFailed(1).build()))).isEqualTo(Outcome.FAILED);
        assertThat(MoverJobs.outcome(job(new JobStatusBuilder().addNewCondition().withType("Complete")
                .withStatus("True").endCondition().build()))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(MoverJobs.outcome(job(new JobStatusBuilder().withActive(1).build()))).isNull();
        assertThat(MoverJobs.outcome(job(null))).isNull();
    }

    @Test
    void withoutAContainerNameTheFirstContainerMovesAndGivenEnvReplacesTheBases() throws Exception {
        Future<Observed> seen = cluster.jobStatus("ns1", "camel-replicator-app-mover",
                new JobStatusBuilder().withSucceeded(1).build());

        assertThat(movers.run(request(null, Map.of("JAVA_OPTS", "-Xmx64m"))).succeeded()).isTrue();

        Container mover = seen.get().job().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(mover.getName()).isEqualTo("replicator");
        assertThat(mover.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("REPLICATOR_KUBERNETES_ENABLED", "true"),
                org.assertj.core.groups.Tuple.tuple("JAVA_OPTS", "-Xmx64m"),
                org.assertj.core.groups.Tuple.tuple("JAVA_TOOL_OPTIONS", OneShotJvmOptions.OPTIONS));
    }

    @Test
    void theMoverRunsWithTheOneShotJvmOptionsAfterTheBasesOwn() throws Exception {
        Future<Observed> seen = cluster.jobStatus("ns1", "camel-replicator-app-mover",
                new JobStatusBuilder().withSucceeded(1).build());
        PodSpec base = MoverFixtures.appPodSpec();
        base.getContainers().get(0).getEnv().add(new EnvVar("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75", null));

        assertThat(movers.run(MoverJobRequest.builder("ns1", "app", base, "/mover/data").claimName("camel-replicator-app-src")
                .args(List.of("--once", "app")).timeout(LONG).ttlAfterFinished(Duration.ofMinutes(10)).build()).succeeded())
                .isTrue();

        Container mover = seen.get().job().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(mover.getEnv()).filteredOn(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).singleElement()
                .extracting(EnvVar::getValue).isEqualTo("-XX:MaxRAMPercentage=75 " + OneShotJvmOptions.OPTIONS);
        assertThat(base.getContainers().get(0).getEnv()).filteredOn(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                .singleElement().extracting(EnvVar::getValue).as("the service's own spec").isEqualTo("-XX:MaxRAMPercentage=75");
    }

    @Test
    void anUnknownContainerOrAMissingPvcIsAnErrorBeforeAnyJobIsCreated() {
        assertThatThrownBy(() -> movers.run(request("mover", Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base pod spec for mover Job ns1/camel-replicator-app-mover has no container 'mover'"
                        + " (has [replicator, proxy])");
        assertThatThrownBy(() -> movers.run(request(null, Map.of()).withClaimName(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mover Job ns1/camel-replicator-app-mover has no PVC to mount");
        assertThat(kube.client().batch().v1().jobs().inNamespace("ns1").list().getItems()).isEmpty();
    }

    private static MoverJobRequest request(String container, Map<String, String> env) {
        return MoverJobRequest.builder("ns1", "app", MoverFixtures.appPodSpec(), "/mover/data").container(container)
                .claimName("camel-replicator-app-src").args(List.of("--once", "app")).env(env).timeout(LONG)
                .ttlAfterFinished(Duration.ofMinutes(10)).build();
    }

    private static Job job(io.fabric8.kubernetes.api.model.batch.v1.JobStatus status) {
        Job job = new Job();
        job.setStatus(status);
        return job;
    }
}

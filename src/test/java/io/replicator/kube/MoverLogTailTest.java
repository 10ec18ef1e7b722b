package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.replicator.kube.MoverResult.Outcome;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mover pod's log tail. KubeMockServer's CRUD mode cannot serve pod logs, so this test runs the
 * mock in mixed mode: CRUD for the objects plus one expectation for the log endpoint.
 */
class MoverLogTailTest {
    private static final String POD = "camel-replicator-app-mover-x7k2p";
    private static final String LOG_PATH = "/api/v1/namespaces/ns1/pods/" + POD + "/log?pretty=false&tailLines="
            + MoverJobs.LOG_LINES;
    private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
            new KubernetesMixedDispatcher(responses), false);
    private final ExecutorService controller = Executors.newSingleThreadExecutor();
    private KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        controller.shutdownNow();
        client.close();
        server.destroy();
    }

    @Test
    void theResultCarriesTheMoverPodsLastLogLines() throws Exception {
        server.expect().get().withPath(LOG_PATH).andReturn(200, "sync of app started\n3 files sent\nsync done\n").always();

        MoverResult result = runWithPod();

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.logTail()).containsExactly("sync of app started", "3 files sent", "sync done");
    }

    @Test
    void anUnreadableLogLeavesTheTailEmptyAndTheOutcomeAsItWas() throws Exception {
        server.expect().get().withPath(LOG_PATH).andReturn(400,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":400,"
                        + "\"message\":\"container \\\"replicator\\\" in pod is waiting to start\"}").always();

        MoverResult result = runWithPod();

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.logTail()).isEmpty();
    }

    /** Plays the Job controller: a pod from the Job's template, then success. */
    private MoverResult runWithPod() throws Exception {
        Future<?> jobController = controller.submit(() -> {
            Job job = client.batch().v1().jobs().inNamespace("ns1").withName("camel-replicator-app-mover")
                    .waitUntilCondition(Objects::nonNull, 30, TimeUnit.SECONDS);
            client.pods().inNamespace("ns1").resource(new PodBuilder().withNewMetadata().withName(POD)
                    .withLabels(job.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                    .withSpec(job.getSpec().getTemplate().getSpec()).build()).create();
            client.batch().v1().jobs().inNamespace("ns1").withName("camel-replicator-app-mover").editStatus(j -> {
                j.setStatus(new JobStatusBuilder().withSucceeded(1).build());
                return j;
            });
        });
        MoverResult result = new MoverJobs(client).run(MoverJobRequest.builder("ns1", "app", MoverFixtures.appPodSpec(),
                "/mover/data").container("replicator").claimName("camel-replicator-app-src").args(List.of("--once", "app"))
                .timeout(Duration.ofSeconds(30)).ttlAfterFinished(Duration.ofMinutes(10)).build());
        jobController.get();
        return result;
    }
}

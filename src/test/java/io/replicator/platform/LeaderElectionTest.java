package io.replicator.platform;

import io.replicator.kube.LeaderElectionSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.testing.KubeMockServer;
import io.replicator.testing.QuietLogs;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two CamelContexts, each with its own cluster service and Pod) against the mock API server: each
 * job runs on one replica only, and moves to the other when its Pod goes away.
 */
class LeaderElectionTest {
    private static final String NS = "replicator";
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "camel-replicator");
    private static final long WAIT_MILLIS = 60_000;

    private final KubeMockServer kube = new KubeMockServer();
    private final KubernetesClient client = kube.client();
    private final BlockingQueue<Run> runs = new LinkedBlockingQueue<>();
    private final List<CamelContext> replicas = new ArrayList<>();

    record Run(String pod, String job) {
    }

    LeaderElectionTest() {
        QuietLogs.apply();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(CamelContext::stop);
        kube.close();
    }

    @Test
    void eachJobRunsOnOneReplicaAndMovesWhenItsPodIsGone() throws Exception {
        CamelContext a = started(replica("pod-a", "x"));
        collectUntil(seen -> seen.contains(new Run("pod-a", "x")));
        started(replica("pod-b", "x", "y"));
        collectUntil(seen -> seen.contains(new Run("pod-b", "y")));
        addJob(a, "y"); // same routes on both replicas now; job x led by pod-a, job y by pod-b

        List<Run> bothUp = collectUntil(seen -> count(seen, "x") >= 10 && count(seen, "y") >= 10);
        assertThat(runners(bothUp, "x")).containsExactly("pod-a");
        assertThat(runners(bothUp, "y")).containsExactly("pod-b");
        assertThat(leaseHolder("jobs-x")).isEqualTo("pod-a");
        assertThat(leaseHolder("jobs-y")).isEqualTo("pod-b");

        // pod-a goes away as a real one does: its process stops, then the Pod object is deleted. (The shared
        // client still works: the cluster service closed only clients of its own.)
        a.stop();
        runs.clear(); // a stopped context fires no more
        client.pods().inNamespace(NS).withName("pod-a").delete();

        List<Run> afterA = collectUntil(seen -> seen.stream().filter(new Run("pod-b", "x")::equals).count() >= 5);
        assertThat(runners(afterA, "x")).containsExactly("pod-b");
        assertThat(runners(afterA, "y")).containsExactly("pod-b");
        assertThat(leaseHolder("jobs-x")).isEqualTo("pod-b");
    }

    @Test
    void aLeaderWhosePodTurnsUnreadyHandsOverWithoutOverlap() throws Exception {
        CamelContext a = started(replica("pod-a", "z"));
        collectUntil(seen -> seen.contains(new Run("pod-a", "z")));
        started(replica("pod-b", "z"));
        assertThat(runners(collectUntil(seen -> count(seen, "z") >= 10), "z")).containsExactly("pod-a");

        // The leader turns unready while its process runs on (pod-b stays ready): the job moves to pod-b and
        // pod-a's consumer, which camel-master 4.18.0 may restart after leadership moved (see
        // LeaderCheckingMasterComponent), must not run it any more.
        createPod("pod-a", "False");

        List<Run> handover = collectUntil(seen -> seen.stream().filter(new Run("pod-b", "z")::equals).count() >= 10);
        int firstOfB = handover.indexOf(new Run("pod-b", "z"));
        assertThat(handover.subList(firstOfB, handover.size())).extracting(Run::pod).containsOnly("pod-b");
        assertThat(leaseHolder("jobs-z")).isEqualTo("pod-b");
        assertThat(a.isStarted()).isTrue();
    }

    @Test
    void replicasStartingTogetherElectOneLeaderWhichSurvivesARouteRestart() throws Exception {
        CamelContext a = replica("pod-a", "w");
        CamelContext b = replica("pod-b", "w");
        CompletableFuture.allOf(CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start))
                .get(1, TimeUnit.MINUTES);
        List<Run> seen = collectUntil(s -> count(s, "w") >= 10);
        String leader = leaseHolder("jobs-w");
        assertThat(runners(seen, "w")).containsExactly(leader);

        // Stopping the route stops its cluster view, which closes the view's client; started again, the view
        // must reach the API server again: the leader renews its Lease.
        CamelContext leading = leader.equals("pod-a") ? a : b;
        leading.getRouteController().stopRoute("job-w");
        ZonedDateTime stoppedAt = lease("jobs-w").getSpec().getRenewTime();
        runs.clear();
        leading.getRouteController().startRoute("job-w");
        assertThat(runners(collectUntil(s -> count(s, "w") >= 5), "w")).containsExactly(leader);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!lease("jobs-w").getSpec().getRenewTime().isAfter(stoppedAt)) {
            assertThat(System.currentTimeMillis()).as("Lease renewed after the restart").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling the API server
        }
        assertThat(leaseHolder("jobs-w")).isEqualTo(leader);
    }

    /** A replica: its Pod (Running, Ready), a CamelContext with leader election (short timings) and jobs. */
    private CamelContext replica(String pod, String... jobs) throws Exception {
        createPod(pod, "True");
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName(pod); // also names its Quartz scheduler: one per replica
        LeaderElection.install(ctx, client, LeaderElectionSettings.of(NS, pod).withPodLabels(LABELS)
                .withTimings(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(200)));
        replicas.add(ctx);
        for (String job : jobs) {
            addJob(ctx, job);
        }
        return ctx;
    }

    private static CamelContext started(CamelContext ctx) {
        ctx.start();
        return ctx;
    }

    /** The job's route as the application would write it: a Quartz trigger guarded by the job's own lock. */
    private void addJob(CamelContext ctx, String job) throws Exception {
        String pod = ctx.getName();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(LeaderElection.guarded("jobs-" + job,
                        "quartz://jobs/" + job + "?trigger.repeatInterval=100&trigger.repeatCount=-1"))
                        .routeId("job-" + job)
                        .process(e -> runs.add(new Run(pod, job)));
            }
        });
    }

    private void createPod(String name, String ready) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(LABELS).endMetadata()
                .withNewSpec().addNewContainer().withName("replicator").withImage("camel-replicator").endContainer()
                .endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus(ready)
                .endCondition().endStatus()
                .build();
        client.pods().inNamespace(NS).resource(pod).createOr(existing -> existing.updateStatus());
    }

    private Lease lease(String lockNamespace) {
        return client.leases().inNamespace(NS).withName("camel-replicator-" + lockNamespace).get();
    }

    private String leaseHolder(String lockNamespace) {
        return lease(lockNamespace).getSpec().getHolderIdentity();
    }

    /** Runs in arrival order from now until {@code done} holds for them; fails after a minute. */
    private List<Run> collectUntil(Predicate<List<Run>> done) throws InterruptedException {
        List<Run> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!done.test(seen)) {
            Run run = runs.poll(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (run == null) {
                throw new AssertionError("timed out; runs seen: " + seen.stream()
                        .collect(Collectors.groupingBy(r -> r, Collectors.counting())));
            }
            seen.add(run);
        }
        return seen;
    }

    private static long count(List<Run> runs, String job) {
        return runs.stream().filter(r -> r.job().equals(job)).count();
    }

    private static Set<String> runners(List<Run> runs, String job) {
        return runs.stream().filter(r -> r.job().equals(job)).map(Run::pod).collect(Collectors.toSet());
    }
}

package io.replicator;

import io.replicator.platform.KubernetesPlatform;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.replicator.kube.JobResource;
import io.replicator.testing.RawJobResources;
import io.replicator.testing.KubeMockServer;
import io.replicator.testing.S3ProxyFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with replicator.kubernetes.enabled against fabric8's mock API server (our CRDs
 * registered): resources mirrored from the properties, a generated key Secret, status across a
 * manual, a paused and a failed sync, and a volume replication whose destination is snapshotted.
 */
class KubernetesServiceTest {
    private static final String NS = "replication";
    private static final long WAIT_SECONDS = 60; // a guard against a hung test, not a timing threshold
    private static KubeMockServer kube;
    private static S3ProxyFixture src;
    private static S3ProxyFixture dst;

    @BeforeAll
    static void start() throws Exception {
        kube = new KubeMockServer();
        src = S3ProxyFixture.startTransient();
        dst = S3ProxyFixture.startTransient();
        // KubernetesClientBuilder's auto-configuration reads these (in a pod: the service account)
        System.setProperty("kubernetes.master", kube.client().getMasterUrl().toString());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("kubernetes.master");
        System.clearProperty("kubernetes.auth.tryKubeConfig");
        System.clearProperty("kubernetes.auth.tryServiceAccount");
        src.close();
        dst.close();
        kube.close();
    }

    @Test
    void jobsAreResourcesWhoseStatusFollowsManualPausedAndFailedSyncs(@TempDir Path dir) throws Exception {
        src.createBucket("photos");
        src.put("photos", "a.jpg", "a".getBytes(StandardCharsets.UTF_8));
        dst.createBucket("photos");
        Files.createDirectories(dir.resolve("volume/sub"));
        Files.writeString(dir.resolve("volume/sub/table.dat"), "rows\n");
        Files.createDirectories(dir.resolve("copy"));
        int port = freePort();
        Path cfg = Files.writeString(dir.resolve("k8s.properties"), String.join("\n",
                "replicator.kubernetes.enabled = true",
                "replicator.kubernetes.namespace = " + NS,
                "replicator.kubernetes.leader-election = false",
                remotes(),
                "replicator.bucket-sync.daily.source = src",
                "replicator.bucket-sync.daily.destination = dst",
                "replicator.bucket-sync.daily.buckets = photos",
                "replicator.bucket-sync.broken.source = src",
                "replicator.bucket-sync.broken.destination = dst",
                "replicator.bucket-sync.broken.buckets = no-such-bucket",
                "replicator.volume-destination.db.path = " + dir.resolve("copy"),
                "replicator.volume-destination.db.bind-address = 127.0.0.1",
                "replicator.volume-destination.db.port = " + port,
                "replicator.volume-destination.db.copy-method = Snapshot",
                "replicator.volume-destination.db.destination-pvc = db-copy",
                "replicator.volume-destination.db.snapshot-retain = 1",
                "replicator.volume-source.db.path = " + dir.resolve("volume"),
                "replicator.volume-source.db.address = 127.0.0.1",
                "replicator.volume-source.db.port = " + port,
                "replicator.volume-source.db.key-secret = camel-replicator-tls-db",
                "camel.management.enabled = false", ""));
        KubernetesClient api = kube.client();
        try (SharedIndexInformer<GenericKubernetesResource> snapshotter = readySnapshots(api);
             Service app = Service.start(cfg, "replicator-0")) {
            // Resources mirrored from the properties; the destination's key Secret generated and owned by it.
            GenericKubernetesResource daily = await(api, JobResource.BUCKET_SYNC, "daily", r -> true);
            assertThat(spec(daily, "source")).isEqualTo("src");
            GenericKubernetesResource rd = await(api, JobResource.REPLICATION_DESTINATION, "db",
                    r -> "camel-replicator-tls-db".equals(status(r, "rsyncTLS", "keySecret")));
            Secret key = api.secrets().inNamespace(NS).withName("camel-replicator-tls-db").get();
            assertThat(key.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.getUid()).isEqualTo(rd.getMetadata().getUid()));
            assertThat(new String(java.util.Base64.getDecoder().decode(key.getData().get("psk.txt")), StandardCharsets.UTF_8))
                    .matches("camel-replicator:[0-9a-f]{128}");

            // A manual trigger runs one sync; status says when, how long, what next.
            manual(api, JobResource.BUCKET_SYNC, "daily", "now-1");
            GenericKubernetesResource synced = await(api, JobResource.BUCKET_SYNC, "daily",
                    r -> "now-1".equals(status(r, "lastManualSync")));
            assertThat(status(synced, "lastSyncTime")).isNotNull();
            assertThat(status(synced, "nextSyncTime")).isNotNull();
            assertThat(status(synced, "latestMoverStatus", "result")).isEqualTo("Successful");
            assertThat(condition(synced)).containsEntry("status", "False").containsEntry("reason", "WaitingForSchedule");
            assertThat(dst.client().headObject(b -> b.bucket("photos").key("a.jpg")).contentLength()).isEqualTo(1);

            // Paused: the schedule is suspended and a manual trigger waits until it is cleared.
            patchSpec(api, JobResource.BUCKET_SYNC, "daily", Map.of("paused", true));
            awaitRoute(app, "bucket-sync-daily", ServiceStatus.Suspended);
            manual(api, JobResource.BUCKET_SYNC, "daily", "now-2");
            patchSpec(api, JobResource.BUCKET_SYNC, "daily", Map.of("paused", false));
            awaitRoute(app, "bucket-sync-daily", ServiceStatus.Started);
            await(api, JobResource.BUCKET_SYNC, "daily", r -> "now-2".equals(status(r, "lastManualSync")));

            // A failed sync: condition Error with the reason; nothing about a last successful sync.
            manual(api, JobResource.BUCKET_SYNC, "broken", "try");
            GenericKubernetesResource failed = await(api, JobResource.BUCKET_SYNC, "broken",
                    r -> "try".equals(status(r, "lastManualSync")));
            assertThat(condition(failed)).containsEntry("reason", "Error");
            assertThat((String) condition(failed).get("message")).contains("no-such-bucket");
            assertThat(status(failed, "lastSyncTime")).isNull();
            assertThat(status(failed, "latestMoverStatus", "result")).isEqualTo("Failed");

            // Volume replication keyed by the generated Secret; the destination is snapshotted after it.
            manual(api, JobResource.REPLICATION_SOURCE, "db", "first");
            await(api, JobResource.REPLICATION_SOURCE, "db", r -> "first".equals(status(r, "lastManualSync"))
                    && "Successful".equals(status(r, "latestMoverStatus", "result")));
            GenericKubernetesResource imaged = await(api, JobResource.REPLICATION_DESTINATION, "db",
                    r -> status(r, "latestImage", "name") != null && status(r, "lastSyncTime") != null);
            String snapshot = (String) status(imaged, "latestImage", "name");
            assertThat(snapshot).matches("db-copy-\\d{14}");
            assertThat(status(imaged, "latestImage", "kind")).isEqualTo("VolumeSnapshot");
            assertThat(Files.readString(dir.resolve("copy/sub/table.dat"))).isEqualTo("rows\n");
        }
    }

    @Test
    void withLeaderElectionAManualTriggerPendingAtStartupRunsOnceThisReplicaLeads(@TempDir Path dir) throws Exception {
        src.createBucket("docs");
        src.put("docs", "d.txt", "d".getBytes(StandardCharsets.UTF_8));
        dst.createBucket("docs");
        KubernetesClient api = kube.client();
        // This replica's Pod, Running and Ready with the Deployment's label: a candidate for the Lease.
        api.pods().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("replicator-1").withNamespace(NS).withLabels(KubernetesPlatform.CANDIDATE_LABELS).endMetadata()
                .withNewSpec().addNewContainer().withName("replicator").withImage("camel-replicator").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
        // The resource exists with a manual trigger before the service starts.
        api.genericKubernetesResources(RawJobResources.context(JobResource.BUCKET_SYNC)).inNamespace(NS)
                .resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder().withApiVersion(JobResource.API_VERSION)
                        .withKind(JobResource.BUCKET_SYNC).withNewMetadata().withName("docs").withNamespace(NS)
                        .withLabels(Map.of(JobResource.MANAGED_BY_LABEL, JobResource.MANAGED_BY_VALUE)).endMetadata()
                        .addToAdditionalProperties("spec", Map.of("trigger", Map.of("manual", "pending"))).build()).create();
        Path cfg = Files.writeString(dir.resolve("leader.properties"), String.join("\n",
                "replicator.kubernetes.enabled = true",
                "replicator.kubernetes.namespace = " + NS,
                remotes(),
                "replicator.bucket-sync.docs.source = src",
                "replicator.bucket-sync.docs.destination = dst",
                "replicator.bucket-sync.docs.buckets = docs",
                "camel.management.enabled = false", ""));
        try (Service app = Service.start(cfg, "replicator-1")) {
            GenericKubernetesResource synced = await(api, JobResource.BUCKET_SYNC, "docs",
                    r -> "pending".equals(status(r, "lastManualSync")));
            assertThat(status(synced, "latestMoverStatus", "result")).isEqualTo("Successful");
            assertThat(app.main().getCamelContext().getRoute("bucket-sync-docs").getEndpoint().getEndpointUri())
                    .startsWith("master:bucket-sync-docs:quartz://bucket-sync/docs");
            // The job's Lease is held by this replica.
            var lease = api.leases().inNamespace(NS).withName("camel-replicator-bucket-sync-docs").get();
            assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replicator-1");
        }
    }

    /** Remotes src and dst: the two embedded S3 servers. */
    private static String remotes() {
        return String.join("\n",
                "replicator.remotes.src.endpoint = " + src.endpoint(),
                "replicator.remotes.src.access-key = " + src.accessKey(),
                "replicator.remotes.src.secret-key = " + src.secretKey(),
                "replicator.remotes.dst.endpoint = " + dst.endpoint(),
                "replicator.remotes.dst.access-key = " + dst.accessKey(),
                "replicator.remotes.dst.secret-key = " + dst.secretKey());
    }

    /** Plays the snapshot controller: every new VolumeSnapshot becomes readyToUse. */
    private static SharedIndexInformer<GenericKubernetesResource> readySnapshots(KubernetesClient api) {
        var snapshots = api.genericKubernetesResources(new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup("snapshot.storage.k8s.io").withVersion("v1").withKind("VolumeSnapshot").withPlural("volumesnapshots")
                .withNamespaced(true).build()).inNamespace(NS);
        return snapshots.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource s) {
                CompletableFuture.runAsync(() -> snapshots.withName(s.getMetadata().getName()).editStatus(r -> {
                    r.setAdditionalProperty("status", Map.of("readyToUse", true));
                    return r;
                }));
            }

            @Override
            public void onUpdate(GenericKubernetesResource o, GenericKubernetesResource n) {
            }

            @Override
            public void onDelete(GenericKubernetesResource s, boolean unknown) {
            }
        });
    }

    private static GenericKubernetesResource await(KubernetesClient api, String kind, String name,
                                                   Predicate<GenericKubernetesResource> ready) {
        return api.genericKubernetesResources(RawJobResources.context(kind)).inNamespace(NS).withName(name)
                .waitUntilCondition(r -> r != null && ready.test(r), WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void manual(KubernetesClient api, String kind, String name, String value) {
        patchSpec(api, kind, name, Map.of("trigger", Map.of("manual", value)));
    }

    private static void patchSpec(KubernetesClient api, String kind, String name, Map<String, Object> spec) {
        String json = api.getKubernetesSerialization().asJson(Map.of("spec", spec));
        api.genericKubernetesResources(RawJobResources.context(kind)).inNamespace(NS).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), json);
    }

    @SuppressWarnings("unchecked")
    private static Object field(GenericKubernetesResource r, String top, String... path) {
        Object v = r.getAdditionalProperties().get(top);
        for (String p : path) {
            v = v instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(p) : null;
        }
        return v;
    }

    private static Object spec(GenericKubernetesResource r, String... path) {
        return field(r, "spec", path);
    }

    private static Object status(GenericKubernetesResource r, String... path) {
        return field(r, "status", path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(GenericKubernetesResource r) {
        var list = (java.util.List<Map<String, Object>>) status(r, "conditions");
        return list.stream().filter(c -> "Synchronizing".equals(c.get("type"))).findFirst().orElseThrow();
    }

    private static void awaitRoute(Service app, String routeId, ServiceStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (app.main().getCamelContext().getRouteController().getRouteStatus(routeId) != wanted) {
            assertThat(System.nanoTime()).as("route %s becomes %s", routeId, wanted).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling, no event to wait on
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The real main in service mode on a thread; stopped as camel-main stops on SIGTERM. */
    private record Service(AtomicReference<Main> ref, CompletableFuture<Integer> exit, ByteArrayOutputStream out)
            implements AutoCloseable {
        static Service start(Path cfg, String podName) throws Exception {
            AtomicReference<Main> ref = new AtomicReference<>();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return ReplicatorMain.run(new String[] {"--config", cfg.toString()},
                            Map.of("POD_NAME", podName), print, print, m -> {
                                ref.set(m);
                                m.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                                    @Override
                                    public void afterStart(org.apache.camel.main.BaseMainSupport main) {
                                        started.countDown();
                                    }
                                });
                            });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Service s = new Service(ref, exit, out);
            exit.whenComplete((code, e) -> started.countDown()); // a failed start ends the wait too
            assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the service starts").isTrue();
            assertThat(exit).as("the service stopped early:\n%s", s.output()).isNotDone();
            return s;
        }

        Main main() {
            return Objects.requireNonNull(ref.get());
        }

        String output() {
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            main().completed();
            exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}

package io.replicator.kube;

import static io.replicator.kube.KubeObjects.userEditsSpec;
import static io.replicator.kube.KubeObjects.userSetsManual;
import static io.replicator.kube.KubeObjects.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.kube.SyncResult.Outcome;
import io.replicator.testing.KubeMockServer;
import io.replicator.testing.RawJobResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events are delivered in order per kind, so "nothing fired in between" is shown by the next event
 * being a later marker edit rather than by waiting for silence.
 */
class SpecWatcherTest {
    private static final JobResource DAILY = new JobResource("BucketSync", "ns1", "daily");
    private static final JobResource SOURCE = new JobResource("ReplicationSource", "ns1", "db");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final KubeMockServer kube = new KubeMockServer();
    private final KubernetesClient client = kube.client();
    private final ResourceMirror mirror = new ResourceMirror(client);
    private final StatusWriter writer = new StatusWriter(client);
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private SpecWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
        kube.close();
    }

    @Test
    void aManualTriggerFiresOncePerValueAndNotAfterItsSyncIsRecorded() throws InterruptedException {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of("schedule", "0 * * * *"))));
        startWatching();

        userSetsManual(client, DAILY, "one");
        assertThat(next()).isEqualTo("manual BucketSync ns1/daily=one");
        writer.started(DAILY, T0); // status updates while the run goes on
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "b", "trigger", Map.of("schedule", "0 * * * *"))));
        writer.finished(DAILY, manualRun("one"));
        writer.started(DAILY, T0.plusSeconds(60)); // a scheduled run afterwards keeps lastManualSync
        writer.finished(DAILY, new SyncResult(Outcome.SUCCEEDED, T0.plusSeconds(60), Duration.ofSeconds(1),
                T0.plusSeconds(3600), null, Map.of(), List.of(), null));
        userSetsManual(client, DAILY, "two");
        assertThat(next()).isEqualTo("manual BucketSync ns1/daily=two");

        writer.finished(DAILY, manualRun("two"));
        userSetsManual(client, DAILY, "");
        userSetsManual(client, DAILY, "one"); // an earlier value, different from lastManualSync: runs again
        assertThat(next()).isEqualTo("manual BucketSync ns1/daily=one");
        assertThat(events).isEmpty();
    }

    @Test
    void aValuePendingAtStartupFiresAndARecordedOneDoesNot() throws InterruptedException {
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "trigger", Map.of())));
        userSetsManual(client, DAILY, "pending");
        mirror.ensure(SOURCE, spec(SOURCE, Map.of("sourcePVC", "data", "trigger", Map.of())));
        userSetsManual(client, SOURCE, "done");
        writer.finished(SOURCE, manualRun("done"));

        startWatching();
        assertThat(next()).isEqualTo("manual BucketSync ns1/daily=pending");
        userSetsManual(client, SOURCE, "marker");
        assertThat(next()).isEqualTo("manual ReplicationSource ns1/db=marker");
    }

    @Test
    void pausedTransitionsAndTheInitialPausedState() throws InterruptedException {
        mirror.ensure(SOURCE, spec(SOURCE, Map.of("sourcePVC", "data", "paused", true)));
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a", "paused", false)));
        startWatching();
        assertThat(next()).isEqualTo("paused ReplicationSource ns1/db=true");

        userEditsSpec(client, DAILY, spec -> spec.put("paused", true));
        assertThat(next()).isEqualTo("paused BucketSync ns1/daily=true");
        writer.started(DAILY, T0);
        userEditsSpec(client, DAILY, spec -> spec.put("dryRun", true));
        userEditsSpec(client, DAILY, spec -> spec.remove("paused"));
        assertThat(next()).isEqualTo("paused BucketSync ns1/daily=false");
        userEditsSpec(client, SOURCE, spec -> spec.put("paused", false));
        assertThat(next()).isEqualTo("paused ReplicationSource ns1/db=false");
    }

    @Test
    void resourcesNotManagedByUsAreIgnored() throws InterruptedException {
        client.genericKubernetesResources(RawJobResources.context("BucketSync")).inNamespace("ns1")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion(JobResource.API_VERSION)
                        .withKind("BucketSync").withNewMetadata().withName("foreign").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("paused", true, "trigger", Map.of("manual", "x")))
                        .build())
                .create();
        mirror.ensure(DAILY, spec(DAILY, Map.of("source", "a")));
        startWatching();
        userSetsManual(client, new JobResource("BucketSync", "ns1", "foreign"), "y");
        userSetsManual(client, DAILY, "marker");
        assertThat(next()).isEqualTo("manual BucketSync ns1/daily=marker");
    }

    private void startWatching() {
        watcher = SpecWatcher.start(client, "ns1", new SpecListener() {
            @Override
            public void manualTrigger(JobResource r, String value) {
                events.add("manual " + r + "=" + value);
            }

            @Override
            public void pausedChanged(JobResource r, boolean paused) {
                events.add("paused " + r + "=" + paused);
            }
        });
    }

    private String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    private static SyncResult manualRun(String trigger) {
        return new SyncResult(Outcome.SUCCEEDED, T0, Duration.ofSeconds(1), null, trigger, Map.of(), List.of(), null);
    }
}

package io.replicator.kube;

import io.replicator.platform.LeaderElection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.testing.KubeMockServer;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Settings from a Pod's environment, Camel's timing rules checked up front, the guarded URI form, and install's
 * precondition. (Leader election itself: LeaderElectionTest.)
 */
class LeaderElectionSettingsTest {

    @Test
    void podIdentityComesFromTheDownwardApiElseTheHostName() {
        LeaderElectionSettings s = LeaderElectionSettings.fromEnvironment(
                Map.of("HOSTNAME", "host-1", "POD_NAME", "replicator-7d9f-abcde"), "default");
        assertThat(s).isEqualTo(new LeaderElectionSettings("default", "replicator-7d9f-abcde", "camel-replicator",
                Map.of(), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(LeaderElectionSettings.fromEnvironment(Map.of("HOSTNAME", "host-1", "POD_NAMESPACE", "prod"), "x"))
                .extracting(LeaderElectionSettings::podName, LeaderElectionSettings::namespace)
                .containsExactly("host-1", "prod");
        assertThatThrownBy(() -> LeaderElectionSettings.fromEnvironment(Map.of(), "default"))
                .hasMessageContaining("neither POD_NAME nor HOSTNAME");
    }

    @Test
    void timingsFollowCamelsRules() {
        LeaderElectionSettings s = LeaderElectionSettings.of("default", "pod-a");
        assertThatThrownBy(() -> s.withTimings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("must be longer than the renew deadline");
        assertThatThrownBy(() -> s.withTimings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .hasMessageContaining("1.2 x the retry period");
        assertThatThrownBy(() -> s.withTimings(Duration.ofMillis(900), Duration.ofMillis(800), Duration.ofMillis(100)))
                .hasMessageContaining("at least 1s");
    }

    @Test
    void leasesAreNamedAfterPrefixAndLockNamespace() {
        LeaderElectionSettings s = LeaderElectionSettings.of("default", "pod-a");
        assertThat(s.leaseName("bucket-sync-nightly")).isEqualTo("camel-replicator-bucket-sync-nightly");
        assertThat(s.withLeasePrefix("replicator").leaseName("jobs-x")).isEqualTo("replicator-jobs-x");
        assertThatThrownBy(() -> s.withLeasePrefix("Replicator_")).hasMessageContaining("'Replicator_'");
    }

    @Test
    void guardedUriKeepsTheConsumerAndItsParameters() {
        assertThat(LeaderElection.guarded("bucket-sync-nightly", "quartz://bucket-sync/nightly?cron=0+0+5+*+*+?"))
                .isEqualTo("master:bucket-sync-nightly:quartz://bucket-sync/nightly?cron=0+0+5+*+*+?");
        // Camel would map both to the same Lease name: refuse what is not already a valid name.
        assertThatThrownBy(() -> LeaderElection.guarded("jobs_a", "timer:t")).hasMessageContaining("'jobs_a'");
        assertThatThrownBy(() -> LeaderElection.guarded("jobs-a", " ")).hasMessageContaining("jobs-a");
    }

    @Test
    void installRefusesAStartedContext() throws Exception {
        try (KubeMockServer kube = new KubeMockServer(); CamelContext started = new DefaultCamelContext()) {
            started.start();
            assertThatThrownBy(() -> LeaderElection.install(started, kube.client(), LeaderElectionSettings.of("ns", "p")))
                    .hasMessageContaining("before CamelContext");
        }
    }
}

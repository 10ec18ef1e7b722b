package io.replicator.platform;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;

/**
 * Gives each of Camel's cluster views a client of its own, built from the application client's Config.
 * A view asks its configuration for a client when it starts and closes that client when it stops (camel-kubernetes
 * 4.18 KubernetesClusterView), so handing it the application's shared client would close that client, and a view
 * restarted later (a master route stopped and started again) would get a closed one. Here a closed client is
 * replaced by a new one, and every copy Camel makes (one per view) starts without a client.
 */
final class LeaderElectionClientConfiguration extends KubernetesConfiguration {
    private final Config config;
    private KubernetesClient client;

    LeaderElectionClientConfiguration(Config config) {
        this.config = config;
    }

    @Override
    public synchronized KubernetesClient getKubernetesClient() {
        if (client == null || client.getHttpClient().isClosed()) {
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
    }

    @Override
    public LeaderElectionClientConfiguration copy() {
        LeaderElectionClientConfiguration copy = (LeaderElectionClientConfiguration) super.copy();
        copy.client = null;
        return copy;
    }
}

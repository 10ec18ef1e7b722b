package io.replicator.camel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;

/**
 * The management server (health, metrics) must be up for the service to be up, but
 * camel-platform-http only logs a port it cannot bind and starts anyway, leaving a service that
 * probes and Prometheus cannot see (and Vert.x keeps no failed state to check afterwards). So the
 * port is bound once, and released, before Camel starts: in use, the service stops with the port
 * named. Another process taking the port in the moment between the two binds goes unnoticed.
 */
final class ManagementPort {
    private ManagementPort() {
    }

    /** @throws IllegalStateException when management is enabled and its address cannot be bound */
    static void verifyBindable(HttpManagementServerConfigurationProperties management) {
        if (!management.isEnabled()) {
            return;
        }
        String where = management.getHost() + ":" + management.getPort();
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Netty binds: a socket in TIME_WAIT is no obstacle
            probe.bind(new InetSocketAddress(management.getHost(), management.getPort()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the management port " + where
                    + " (camel.management.host/port, MANAGEMENT_HOST/MANAGEMENT_PORT) cannot be bound: " + e.getMessage());
        }
    }
}

package io.replicator.camel.health;

import io.replicator.config.RemoteConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while any configured S3 endpoint refuses a TCP connection. A TCP connect is
 * enough to tell "unreachable" from "reachable" without credentials or request costs.
 */
public final class S3EndpointsHealthCheck extends AbstractHealthCheck {
    private static final int CONNECT_TIMEOUT_MS = 2000;
    private final List<RemoteConfig> remotes;

    public S3EndpointsHealthCheck(Collection<RemoteConfig> remotes) {
        super("replicator", "s3-endpoints");
        this.remotes = remotes.stream().filter(r -> r.type() == RemoteConfig.Type.S3).toList();
    }

    @Override
    public boolean isLiveness() {
        return false; // an unreachable endpoint is no reason to restart the pod
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> down = new ArrayList<>();
        for (RemoteConfig r : remotes) {
            if (!reachable(r.endpoint())) {
                down.add(r.name() + " (" + r.endpoint() + ")");
            }
        }
        if (down.isEmpty()) {
            builder.up();
        } else {
            builder.message("unreachable S3 endpoints: " + String.join(", ", down)).detail("unreachable", down).down();
        }
    }

    static boolean reachable(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

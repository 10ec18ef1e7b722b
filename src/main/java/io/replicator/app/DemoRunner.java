package io.replicator.app;

import io.replicator.config.ReplicatorConfig;
import org.apache.camel.CamelContext;

/** The local profile's demo: seeds data and runs every kind of job once. */
final class DemoRunner {
    private final CamelContext ctx;
    private final ReplicatorConfig config;

    DemoRunner(CamelContext ctx, ReplicatorConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    void run() {
    }
}

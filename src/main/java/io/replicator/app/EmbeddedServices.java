package io.replicator.app;

import io.replicator.config.Settings;
import org.apache.camel.CamelContext;

/** Starts the embedded S3 server of the local profile and stops it with Camel. */
final class EmbeddedServices {
    private EmbeddedServices() {
    }

    static void startIfEnabled(CamelContext ctx, Settings.EmbeddedS3 s3) {
        // filled in when the embedded S3 server lands
    }
}

package io.replicator.app;

import io.replicator.config.Settings;
import io.replicator.embedded.EmbeddedS3;
import java.net.BindException;
import java.util.List;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded S3 server of the local profile before the routes, and stops it with Camel. */
final class EmbeddedServices {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

    private EmbeddedServices() {
    }

    static void startIfEnabled(CamelContext ctx, Settings.EmbeddedS3 cfg) throws Exception {
        if (!cfg.enabled()) {
            return;
        }
        EmbeddedS3 s3;
        try {
            s3 = EmbeddedS3.start(new EmbeddedS3.Options(cfg.dataDir(), cfg.host(), cfg.port(),
                    cfg.accessKey().reveal(), cfg.secretKey().reveal()));
        } catch (Exception e) {
            String why = hasCause(e, BindException.class) ? "the port is in use" : String.valueOf(e.getMessage());
            throw new IllegalStateException("replicator.embedded-s3.port=" + cfg.port() + ": cannot start the embedded S3 server on "
                    + cfg.host() + ": " + why, e);
        }
        LOG.info("Embedded S3 server (S3Proxy) listening on {}, buckets under {}", s3.endpoint(),
                cfg.dataDir().toAbsolutePath().normalize());
        CloseOnStop.register(ctx, List.of(s3));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}

package io.replicator.demo;

import io.replicator.config.ConfigException;
import io.replicator.config.Settings;
import io.replicator.demo.embedded.EmbeddedS3;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded S3 server of the local profile before the routes (the caller stops it with Camel). */
public final class EmbeddedServices {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

    /** The class whose presence says the demo's S3 server is on the classpath. */
    static final String SERVER_CLASS = "org.gaul.s3proxy.S3Proxy";

    private EmbeddedServices() {
    }

    /**
     * S3Proxy ships in demo-lib/ beside the jar, not in lib/ (what the service image holds): an
     * enabled embedded server without it is a configuration error, told in one line.
     */
    public static void requireServer(Settings.EmbeddedS3 cfg, ClassLoader loader) {
        if (!cfg.enabled()) {
            return;
        }
        try {
            Class.forName(SERVER_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ConfigException(List.of("replicator.embedded-s3.enabled=true (the local demo) needs its S3 server, "
                    + "S3Proxy, which is not on the classpath: it ships in demo-lib/ beside the jar (target/demo-lib/ after "
                    + "mvn package), not in the service image. Give --config FILE with real remotes, or set "
                    + "replicator.embedded-s3.enabled=false"));
        }
    }

    /** The running server, or empty when the embedded server is off. */
    public static Optional<EmbeddedS3> startIfEnabled(Settings.EmbeddedS3 cfg) {
        if (!cfg.enabled()) {
            return Optional.empty();
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
        return Optional.of(s3);
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

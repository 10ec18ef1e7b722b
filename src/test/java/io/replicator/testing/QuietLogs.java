package io.replicator.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logback config logback logs everything at DEBUG, including the AWS SDK's and Apache
 * HttpClient's wire logs (hundreds of MB per test). The S3 fixtures call this first.
 */
public final class QuietLogs {
    private QuietLogs() {
    }

    /** Only warnings and errors (benchmark processes whose stdout is a protocol). */
    public static void warnOnly() {
        apply();
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    public static void apply() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root
                && root.getLevel() == Level.DEBUG) {
            root.setLevel(Level.INFO);
            for (String noisy : new String[] {"org.apache.http", "software.amazon.awssdk", "org.gaul",
                    "org.testcontainers", "io.netty"}) {
                ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
            }
        }
    }
}

package io.replicator.cli;

import org.apache.camel.main.Main;
import sun.misc.Signal;

/**
 * SIGTERM (Kubernetes, podman stop) and SIGINT (Ctrl-C) stop the service as a completed run does:
 * Camel shuts down gracefully (camel.main.shutdown-timeout), then the process exits 0, "stopped
 * normally". Left to the JVM, the same graceful stop ran in a shutdown hook and the process exited
 * 143 (130 for Ctrl-C). A --once run keeps the JVM's handling: stopped before its end it did not
 * succeed, and exits 143.
 */
public final class StopSignals {
    private StopSignals() {
    }

    public static void install(Main main) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> main.completed());
            } catch (IllegalArgumentException e) {
                // the JVM reserves the signal (-Xrs): its default handling, a shutdown hook, stays
            }
        }
    }
}

package io.replicator.kube;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as Kubernetes' metav1.Time serialises them: RFC 3339, UTC, whole seconds. */
final class KubeTime {
    private KubeTime() {
    }

    static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

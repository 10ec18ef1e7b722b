package io.replicator.kube;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options for a process that runs one job and exits (a mover Job's --once): C1 only and the
 * serial collector. Measured on 2 cores (docs/cold-start.md): they halve a cold run's CPU, since C2
 * would spend seconds compiling code the process never runs again. The long-running service keeps
 * the JVM's defaults. They are appended to the container's JAVA_TOOL_OPTIONS, after its own options.
 */
final class OneShotJvmOptions {
    static final String ENV = "JAVA_TOOL_OPTIONS";
    static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private OneShotJvmOptions() {
    }

    /** The env with {@link #OPTIONS} appended to JAVA_TOOL_OPTIONS (set from a reference: left as it is). */
    static List<EnvVar> appendTo(List<EnvVar> env) {
        List<EnvVar> out = new ArrayList<>(env);
        for (int i = 0; i < out.size(); i++) {
            EnvVar v = out.get(i);
            if (ENV.equals(v.getName())) {
                if (v.getValueFrom() == null) {
                    String base = v.getValue() == null ? "" : v.getValue().trim();
                    out.set(i, new EnvVarBuilder().withName(ENV).withValue((base + " " + OPTIONS).trim()).build());
                }
                return out;
            }
        }
        out.add(new EnvVarBuilder().withName(ENV).withValue(OPTIONS).build());
        return out;
    }
}

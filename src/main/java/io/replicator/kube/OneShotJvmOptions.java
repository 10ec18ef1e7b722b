package io.replicator.kube;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options for a mover Job: a process that runs one volume sync and exits. The serial collector,
 * and C2 kept for the JDK's crypto (AES-GCM, SHA-2: fast only once C2 uses the CPU's instructions)
 * while every other method needs 100x the usual calls to reach C2: with 10x a 25,000-file mover
 * still made 267 C2 compilations (149 with 100x), compiler CPU for code the process never runs
 * again. The crypto classes' thresholds are scaled back to the JVM's defaults (x0.01). Measured on
 * 2 cores (docs/cold-start.md): ~0.5 CPU s less than with 10x.
 * Since C2 compiles almost nothing, the profiles C1 code and the interpreter collect for it (branches,
 * calls, casts, argument types) are not collected, and C1 code asks the compilation policy 16x less
 * often whether to move on (each ask matches the CompileCommand patterns): 2.02 -> 1.79 s and 2.92 ->
 * 2.51 CPU s for 25,000 files (8 interleaved rounds). Appended to the container's JAVA_TOOL_OPTIONS,
 * after the Deployment's own; the service keeps the JVM's defaults.
 */
final class OneShotJvmOptions {
    static final String ENV = "JAVA_TOOL_OPTIONS";
    static final String OPTIONS = "-XX:+UseSerialGC"
            + " -XX:Tier4InvocationThreshold=500000 -XX:Tier4MinInvocationThreshold=60000"
            + " -XX:Tier4CompileThreshold=1500000 -XX:Tier4BackEdgeThreshold=4000000"
            + " -XX:CompileCommand=quiet"
            + " -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.*::*,0.01"
            + " -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.*::*,0.01"
            + " -XX:-C1ProfileCalls -XX:-C1ProfileVirtualCalls -XX:-C1ProfileInlinedCalls -XX:-C1ProfileBranches"
            + " -XX:-C1ProfileCheckcasts -XX:TypeProfileLevel=0"
            + " -XX:Tier3InvokeNotifyFreqLog=14 -XX:Tier3BackedgeNotifyFreqLog=16";

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

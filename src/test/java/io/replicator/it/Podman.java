package io.replicator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Rootful podman, as CI installs it (.ci/run). Missing (no podman, not root, no base image and no
 * debootstrap to make one) fails the test under CI=true and skips it elsewhere.
 */
final class Podman {
    /** Run as k8s/base/manager/deployment.yaml runs the container. */
    static final List<String> AS_KUBERNETES_DOES = List.of("--read-only", "--user", "65532:65532", "--tmpfs", "/tmp",
            "--memory", "1g", "--cap-drop", "ALL", "--security-opt", "no-new-privileges");
    private static final Path CONTAINERS_CONF = Path.of(".ci/containers.conf").toAbsolutePath();

    private Podman() {
    }

    /** The result of a finished command: exit code and its output (stdout and stderr, in order). */
    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    static void requireAvailable() throws Exception {
        String missing = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            missing = "rootful podman needs root (running as " + System.getProperty("user.name") + ")";
        } else if (run(Map.of(), "podman", "--version").exitCode() != 0) {
            missing = "podman is not installed";
        }
        if (missing != null) {
            missing(missing);
        }
    }

    /** Fails under CI=true (where .ci/run provides it), skips elsewhere. */
    static void missing(String what) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(what + ": .ci/run provides it");
        }
        Assumptions.abort(what);
    }

    static Result podman(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(List.of(args));
        return run(Map.of(), cmd.toArray(String[]::new));
    }

    static Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(args);
        return builder(cmd).start();
    }

    static Result run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(List.of(cmd));
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not end; output:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** This VM's podman needs runc, cgroupfs and explicit ulimits: the checked-in containers.conf, unless one is set. */
    private static ProcessBuilder builder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (System.getenv("CONTAINERS_CONF") == null && Files.isRegularFile(CONTAINERS_CONF)) {
            pb.environment().put("CONTAINERS_CONF", CONTAINERS_CONF.toString());
        }
        return pb;
    }
}

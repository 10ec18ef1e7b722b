package io.replicator.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged jar run as a separate process, the way the README runs it; output collected line by line. */
final class RunningJar implements AutoCloseable {
    static final Path JAR = Path.of("target/camel-replicator.jar").toAbsolutePath();
    private final Process process;
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();

    RunningJar(Path workDir, Map<String, String> env, String... args) throws IOException {
        this(JAR, workDir, env, args);
    }

    /** @param jar a camel-replicator.jar with lib/ (and maybe demo-lib/) beside it */
    RunningJar(Path jar, Path workDir, Map<String, String> env, String... args) throws IOException {
        this(start(jar, workDir, env, args));
    }

    private static Process start(Path jar, Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().remove("CAMEL_MAIN_PROFILE");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Another process that runs the jar (e.g. a container), its output (stderr redirected to stdout) read likewise. */
    RunningJar(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.add(line);
                    fresh.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits for an output line matching, failing with the output so far if it does not come. */
    String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String l : all) {
            if (match.test(l)) {
                return l;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = fresh.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("no matching output line; output so far:\n" + String.join("\n", all));
    }

    /** Waits until n output lines match (new lines only wake the wait; the count is over all lines). */
    void awaitCount(Predicate<String> match, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.stream().filter(match).count() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || (fresh.poll(left, TimeUnit.NANOSECONDS) == null && !process.isAlive())) {
                throw new AssertionError(n + " matching output lines expected; output so far:\n" + String.join("\n", all));
            }
        }
    }

    List<String> output() {
        return List.copyOf(all);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not exit; output:\n" + String.join("\n", all));
        }
        return process.exitValue();
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Camel shuts down gracefully
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

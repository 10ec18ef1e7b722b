package io.replicator.psk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Debian's stunnel4 as a real peer: writes a config (foreground, no pid file, info logging) into a
 * temp dir and runs it. Readiness is taken from stunnel's own log line "Accepting new connections"
 * (bounded wait) rather than by probing the port: a probe connection to a client-mode stunnel would
 * make it open a TLS connection to the server under test and skew its failure counters.
 */
final class Stunnel implements AutoCloseable {
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Boolean> configured = new CompletableFuture<>();
    private final CompletableFuture<Boolean> accepting = new CompletableFuture<>();

    private Stunnel(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLog, "stunnel-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** The binary; fails (not skips) the test when stunnel is not installed. */
    static Path binary() {
        for (String candidate : new String[] {"/usr/bin/stunnel4", "/usr/bin/stunnel"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("stunnel is not installed (apt-get install stunnel4)");
    }

    /** Starts stunnel with one service section and waits until it accepts connections. */
    static Stunnel start(Path dir, String service) throws IOException, InterruptedException {
        Stunnel s = launch(dir, service);
        if (!s.await(s.accepting)) {
            s.close();
            throw new AssertionError("stunnel did not start:\n" + String.join("\n", s.log));
        }
        return s;
    }

    /** Runs stunnel only to load the config: true if stunnel accepted it. Log kept for inspection. */
    static Stunnel checkConfig(Path dir, String service) throws IOException, InterruptedException {
        Stunnel s = launch(dir, service);
        s.await(s.configured);
        s.close();
        return s;
    }

    private static Stunnel launch(Path dir, String service) throws IOException {
        Path conf = dir.resolve("stunnel-" + System.nanoTime() + ".conf");
        Files.writeString(conf, "foreground = yes\npid =\ndebug = info\n" + service);
        Process p = new ProcessBuilder(binary().toString(), conf.toString()).redirectErrorStream(true).start();
        return new Stunnel(p);
    }

    private boolean await(CompletableFuture<Boolean> event) throws InterruptedException {
        try {
            return event.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private void readLog() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.add(line);
                if (line.contains("Configuration successful")) {
                    configured.complete(true);
                } else if (line.contains("Configuration failed")) {
                    configured.complete(false);
                    accepting.complete(false);
                } else if (line.contains("Accepting new connections")) {
                    accepting.complete(true);
                }
            }
        } catch (IOException ignored) {
            // process killed
        }
        configured.complete(false);
        accepting.complete(false);
    }

    boolean configAccepted() {
        return configured.getNow(false);
    }

    List<String> log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A port that was free a moment ago on 127.0.0.1 (for stunnel's accept lines). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package io.replicator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Handle on an {@link S3BenchServer} child process: endpoints and request counts. */
final class S3BenchProcess implements AutoCloseable {
    final String accessKey;
    final String secretKey;
    final URI counted;
    final URI direct;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    S3BenchProcess(String classpath, String accessKey, String secretKey, String heap) throws IOException {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.process = new ProcessBuilder("java", "-Xms" + heap, "-Xmx" + heap, "-cp", classpath, S3BenchServer.class.getName(),
                accessKey, secretKey).redirectError(java.nio.file.Files.createTempFile("s3-bench-server", ".log").toFile()).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // S3Proxy may print a banner first
        }
        if (line == null) {
            throw new IOException("benchmark S3 server did not start");
        }
        String[] p = line.split(" ");
        this.counted = URI.create("http://127.0.0.1:" + p[1]);
        this.direct = URI.create("http://127.0.0.1:" + p[2]);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the server process has used so far. */
    java.time.Duration cpu() {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    synchronized void resetCounts() throws IOException {
        in.println("reset");
        expect("OK");
    }

    synchronized Map<String, Long> counts() throws IOException {
        in.println("counts");
        String line = expect("COUNTS");
        Map<String, Long> m = new TreeMap<>();
        for (String kv : line.substring("COUNTS".length()).trim().split(" ")) {
            if (!kv.isEmpty()) {
                String[] p = kv.split("=");
                m.put(p[0], Long.parseLong(p[1]));
            }
        }
        return m;
    }

    private String expect(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("benchmark S3 server died");
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroy();
        }
    }
}

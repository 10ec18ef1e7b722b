package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's management server, through the real entry point: it must be up, and it shows the JVM. */
class ManagementServerTest {
    private static final int WAIT_SECONDS = 60;
    @TempDir
    Path dir;

    @Test
    void aManagementPortInUseStopsTheServiceWithExit1NamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = ReplicatorMain.run(new String[] {"--config", config(port).toString()}, Map.of(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("management port 127.0.0.1:" + port, "cannot be bound");
        }
    }

    @Test
    void metricsIncludeTheJvmMeters() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AtomicReference<Main> main = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return ReplicatorMain.run(new String[] {"--config", config(port).toString()}, Map.of(), System.out, System.err, m -> {
                    main.set(m);
                    m.addMainListener(new MainListenerSupport() {
                        @Override
                        public void afterStart(BaseMainSupport b) {
                            started.countDown();
                        }
                    });
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        exit.whenComplete((code, e) -> started.countDown());
        try {
            assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(exit).as("the service stopped early").isNotDone();
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/observe/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_memory_max_bytes{area=\"nonheap\"",
                    "jvm_buffer_memory_used_bytes{id=\"direct\"}", "jvm_gc_max_data_size_bytes", // jvm_gc_pause only after a first GC
                    "jvm_threads_live_threads",
                    "process_cpu_usage", "process_files_open_files");
        } finally {
            if (main.get() != null) {
                main.get().completed();
            }
            assertThat(exit.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        }
    }

    private Path config(int port) throws Exception {
        return Files.writeString(dir.resolve("replicator.properties"), "camel.management.port = " + port + "\n");
    }
}

package io.replicator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the packaged jar with no configuration runs the local demo against its
 * embedded S3 server, answers health and metrics while it runs, and stops cleanly on SIGTERM.
 */
class EmbeddedDefaultIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void theJarRunsTheDemoAndIsReady(@TempDir Path work) throws Exception {
        int mgmt = RunningJar.freePort();
        int s3 = RunningJar.freePort();
        // Environment variables override packaged properties (the embedded server's port here).
        try (RunningJar app = new RunningJar(work, Map.of("MANAGEMENT_PORT", String.valueOf(mgmt),
                "REPLICATOR_EMBEDDED_S3_PORT", String.valueOf(s3)))) {
            String finished = app.awaitLine(l -> l.contains("[demo] finished"), STARTUP);
            assertThat(app.output()).anyMatch(l -> l.contains("Embedded S3 server (S3Proxy) listening on http://127.0.0.1:" + s3));
            assertThat(app.output()).anyMatch(l -> l.contains("bucket-sync demo-mirror [sync] SUCCEEDED"));
            assertThat(app.output()).anyMatch(l -> l.contains("bucket-sync demo-mirror [dry-run] SUCCEEDED"));
            assertThat(app.output()).anyMatch(l -> l.contains("bucket-sync demo-backup [sync] SUCCEEDED"));
            // The no-change rerun costs the two listings and one of the sync-state folder (empty: no GET), nothing else.
            assertThat(app.output()).anyMatch(l -> l.contains("skipped 17") && l.contains("requests LIST=3 (retries 0)"));
            assertThat(app.output()).anyMatch(l -> l.contains("delete photos/2026/img-03.jpg"));
            // Volume replication over TLS-PSK, then an edit of 4 KiB that crosses as a delta.
            // The schedules start after the demo: up to its last line, only the demo's runs.
            List<String> demo = app.output().subList(0, app.output().indexOf(finished) + 1);
            assertThat(demo).filteredOn(l -> l.contains("volume-source demo-volume [sync] SUCCEEDED")).hasSize(2);
            assertThat(demo).noneMatch(l -> l.contains("SKIPPED"));
            // The destination reports its session on its own thread, possibly after the source returned.
            app.awaitCount(l -> l.contains("volume-destination demo-volume [sync] SUCCEEDED"), 2, STARTUP);
            assertThat(app.output()).anyMatch(l -> l.contains("127.0.0.1:9879: 10 entries, 1 files sent (4344 literal bytes, 2092808 matched)"));
            assertThat(work.resolve("data/volumes/copy/db/table-2.dat")).hasSameBinaryContentAs(work.resolve("data/volumes/source/db/table-2.dat"));
            assertThat(Files.readSymbolicLink(work.resolve("data/volumes/copy/current.dat"))).isEqualTo(Path.of("db/table-1.dat"));

            HttpResponse<String> ready = RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/health/live").statusCode()).isEqualTo(200);
            String metrics = RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/metrics").body();
            assertThat(metrics).contains("replicator_job_runs_total{job=\"demo-mirror\",kind=\"bucket-sync\",mode=\"dry-run\",result=\"succeeded\"} 1.0")
                    .contains("replicator_bucket_sync_objects_copied_total{job=\"demo-backup\"} 17.0");
            assertThat(Files.readString(work.resolve("data/status.json"))).contains("\"bucket-sync/demo-backup\"", "\"SUCCEEDED\"");
            assertThat(work.resolve("data/backup/demo-source/docs/readme.txt")).exists();
            assertThat(app.output()).noneMatch(l -> l.contains("local-secret-key"));
        }
    }

    @Test
    void aRouteFileInTheRoutesDirReplacesThePackagedOne(@TempDir Path work) throws Exception {
        // The local profile's routes-dir is ./routes.d: a ConfigMap would be mounted like this.
        Files.createDirectories(work.resolve("routes.d"));
        Files.writeString(work.resolve("routes.d/bucket-sync.camel.yaml"), Files.readString(Path.of("routes/bucket-sync.camel.yaml"))
                .replace("quartz://bucket-sync/{{trigger}}", "quartz://bucket-sync-custom/{{trigger}}"));
        try (RunningJar app = new RunningJar(work, Map.of("MANAGEMENT_PORT", String.valueOf(RunningJar.freePort()),
                "REPLICATOR_EMBEDDED_S3_PORT", String.valueOf(RunningJar.freePort()),
                "REPLICATOR_VOLUME_DESTINATION_DEMO_VOLUME_PORT", String.valueOf(RunningJar.freePort())))) {
            app.awaitLine(l -> l.contains("[demo] finished"), STARTUP);
            assertThat(app.output()).anyMatch(l -> l.contains("Started bucket-sync-demo-mirror (quartz://bucket-sync-custom/demo-mirror)"));
            assertThat(app.output()).anyMatch(l -> l.contains("bucket-sync demo-mirror [sync] SUCCEEDED"));
        }
    }

    @Test
    void jsonLogsWithOneSwitch(@TempDir Path work) throws Exception {
        try (RunningJar app = new RunningJar(work, Map.of("MANAGEMENT_PORT", String.valueOf(RunningJar.freePort()),
                "REPLICATOR_EMBEDDED_S3_PORT", String.valueOf(RunningJar.freePort()), "LOG_FORMAT", "json"))) {
            String line = app.awaitLine(l -> l.contains("[demo] finished"), STARTUP);
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.get("level").asText()).isEqualTo("INFO");
            // The formatted message, not its "{}" pattern.
            assertThat(json.get("message").asText()).startsWith("[demo] finished. Schedules start now: [demo-mirror")
                    .doesNotContain("{}");
        }
    }

    @Test
    void aConfigFileTurnsTheDemoOffAndBadConfigurationExitsWithTwo(@TempDir Path work) throws Exception {
        Path cfg = Files.writeString(work.resolve("bad.properties"), "replicator.bucket-sync.x.source = nowhere\n");
        try (RunningJar app = new RunningJar(work, Map.of(), "--config", cfg.toString())) {
            assertThat(app.waitForExit(STARTUP)).isEqualTo(2);
            assertThat(String.join("\n", app.output()))
                    .contains("replicator.bucket-sync.x.source='nowhere' names no configured remote")
                    .doesNotContain("Embedded S3");
        }
    }

    private int listenerPort;

    @Test
    void aConfigFileSetsCamelPropertiesAndReadinessFollowsTheEndpoints(@TempDir Path work) throws Exception {
        int mgmt = RunningJar.freePort();
        int closed = RunningJar.freePort(); // nothing listens there
        // The destination's port is taken: its listener cannot bind, the rest keeps running.
        java.net.ServerSocket blocker = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        listenerPort = blocker.getLocalPort();
        Path key = Files.writeString(work.resolve("psk.txt"), "site-b:" + "0f".repeat(32) + "\n");
        Files.createDirectories(work.resolve("volume"));
        Path cfg = Files.writeString(work.resolve("site.properties"), String.join("\n",
                "camel.management.port = " + mgmt,
                "replicator.remotes.far.endpoint = http://127.0.0.1:" + closed,
                "replicator.remotes.far.access-key = AK",
                "replicator.remotes.far.secret-key = SK-never-shown",
                "replicator.remotes.disk.type = local",
                "replicator.remotes.disk.path = " + work.resolve("disk"),
                "replicator.bucket-sync.daily.source = far",
                "replicator.bucket-sync.daily.destination = disk",
                "replicator.bucket-sync.daily.buckets = photos",
                "replicator.volume-destination.db.path = " + work.resolve("volume"),
                "replicator.volume-destination.db.bind-address = 127.0.0.1",
                "replicator.volume-destination.db.port = " + listenerPort,
                "replicator.volume-destination.db.key-file = " + key, ""));
        try (RunningJar app = new RunningJar(work, Map.of(), "--config", cfg.toString())) {
            app.awaitLine(l -> l.contains("Started bucket-sync-daily"), STARTUP);
            HttpResponse<String> ready = RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("unreachable S3 endpoints: far (http:").contains(String.valueOf(closed))
                    .contains("route:volume-destination-db");
            assertThat(RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/health/live").statusCode()).isEqualTo(200);
            assertThat(app.output()).noneMatch(l -> l.contains("Embedded S3") || l.contains("SK-never-shown"));
        } finally {
            blocker.close();
        }
    }
}

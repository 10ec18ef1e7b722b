package io.replicator.demo;

import io.replicator.camel.routes.JobTrigger;
import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.JobReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local profile's demo: seeds a bucket on the embedded S3 server, then runs every kind of job
 * through the same routes the schedules use: a sync, a no-change rerun, a dry run after changes,
 * and a backup to a local directory.
 */
public final class DemoRunner {
    private static final Logger LOG = LoggerFactory.getLogger("io.replicator.demo");
    static final String REMOTE = "embedded";
    static final String BUCKET = "demo-source";
    static final String VOLUME_JOB = "demo-volume";
    private final CamelContext ctx;
    private final ReplicatorConfig config;

    public DemoRunner(CamelContext ctx, ReplicatorConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    public void run() {
        try (ProducerTemplate producer = ctx.createProducerTemplate()) {
            Map<String, byte[]> objects = demoObjects();
            objects.forEach((key, body) -> put(producer, key, body));
            delete(producer, "reports/new-report.csv");
            LOG.info("[demo] seeded s3://{} on the embedded S3 server with {} objects", BUCKET, objects.size());

            step(producer, "1/6 first sync (server-side copies on one endpoint)", JobKind.BUCKET_SYNC, "demo-mirror", "sync");
            step(producer, "2/6 no-change rerun (listings only: no HEAD, no GET)", JobKind.BUCKET_SYNC, "demo-mirror", "sync");
            put(producer, "docs/readme.txt", "changed readme\n".getBytes(StandardCharsets.UTF_8));
            put(producer, "reports/new-report.csv", "id,value\n1,42\n".getBytes(StandardCharsets.UTF_8));
            delete(producer, "photos/2026/img-03.jpg");
            LOG.info("[demo] changed s3://{}: 1 object updated, 1 added, 1 deleted", BUCKET);
            step(producer, "3/6 dry run after changes (the plan; nothing is written)", JobKind.BUCKET_SYNC, "demo-mirror", "dry-run");
            step(producer, "4/6 backup of the bucket to a local directory (data/backup)", JobKind.BUCKET_SYNC, "demo-backup", "sync");
            if (config.volumeSources().containsKey(VOLUME_JOB)) {
                step(producer, "5/6 volume replication over TLS-PSK on loopback (data/volumes/source -> data/volumes/copy)",
                        JobKind.VOLUME_SOURCE, VOLUME_JOB, "sync");
                editVolumeFile();
                step(producer, "6/6 the same after changing 4 KiB of a 2 MiB file: only the delta crosses",
                        JobKind.VOLUME_SOURCE, VOLUME_JOB, "sync");
            }
            String base = "http://" + property("camel.management.host", "127.0.0.1") + ":"
                    + property("camel.management.port", "9876") + "/observe/";
            LOG.info("[demo] finished. Schedules start now: {}. Health: {}health/ready, metrics: {}metrics, "
                    + "status: {}. Ctrl-C stops.", config.runnableJobs(), base, base, config.settings().statusFile());
        } catch (Exception e) {
            LOG.error("[demo] failed: {}", e.getMessage());
        }
    }

    private String property(String key, String dflt) {
        return ctx.getPropertiesComponent().resolveProperty(key).orElse(dflt);
    }

    /** Overwrites 4 KiB in the middle of one file of the demo volume. */
    private void editVolumeFile() throws java.io.IOException {
        java.nio.file.Path f = config.volumeSources().get(VOLUME_JOB).path().resolve("db/table-2.dat");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            byte[] edit = new byte[4096];
            new Random().nextBytes(edit);
            ch.write(java.nio.ByteBuffer.wrap(edit), 1024 * 1024);
        }
        LOG.info("[demo] changed 4 KiB in the middle of {}", f);
    }

    private void step(ProducerTemplate producer, String title, JobKind kind, String job, String mode) {
        LOG.info("[demo] {}: {} {} --{}", title, kind, job, mode);
        JobReport r = JobTrigger.run(producer, kind, job, mode);
        if (!r.outcome().ok()) {
            throw new IllegalStateException(r.headline());
        }
    }

    private static void put(ProducerTemplate producer, String key, byte[] body) {
        producer.sendBodyAndHeaders("direct:s3-put-object", body, headers(key));
    }

    private static void delete(ProducerTemplate producer, String key) {
        producer.sendBodyAndHeaders("direct:s3-delete-object", null, headers(key));
    }

    private static Map<String, Object> headers(String key) {
        return Map.of("ReplicatorRemote", REMOTE, "ReplicatorBucket", BUCKET, "CamelAwsS3Key", key);
    }

    /** Fixed content (a seeded generator), so every start resets the bucket to the same state. */
    static Map<String, byte[]> demoObjects() {
        Random random = new Random(2026);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("docs/readme.txt", "camel-replicator demo bucket\n".getBytes(StandardCharsets.UTF_8));
        m.put("docs/empty.txt", new byte[0]);
        m.put("reports/Årsrapport 2026.pdf", bytes(random, 64 * 1024));
        m.put("reports/q4 summary.csv", "quarter,total\nQ4,1234\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 12; i++) {
            m.put(String.format("photos/2026/img-%02d.jpg", i), bytes(random, 16 * 1024 + i * 1024));
        }
        m.put("backups/db-2026-11-20.dump", bytes(random, 1024 * 1024));
        return m;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}

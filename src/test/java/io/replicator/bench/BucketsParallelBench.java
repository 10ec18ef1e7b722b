package io.replicator.bench;

import io.replicator.s3sync.S3ClientFactory;
import io.replicator.s3sync.S3Remote;
import io.replicator.testing.CephRgw;
import io.replicator.testing.QuietLogs;
import io.replicator.testing.RgwUser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The four-bucket job (the buckets of k8s/overlays/rclone-replacement) run cold (`--once`, a fresh
 * process per run, as a sync-now Job or CronJob runs) with nothing changed: bucket-parallelism 4
 * against 1 (one bucket after the other), interleaved in the same run, the order alternating per
 * round. Against two S3Proxy processes, or one Ceph RGW (both sides one user). Ratio = parallel /
 * sequential wall time (below 1: parallel faster).
 */
final class BucketsParallelBench {
    private static final List<String> BUCKETS = List.of("elasticsearch-snapshots", "influxdb-backups", "velero",
            "gitlab-backups");

    /** One S3 endpoint with its credentials and an admin client for setup. */
    private record Side(URI endpoint, String accessKey, String secretKey, S3Client admin) {
        static Side of(URI endpoint, String accessKey, String secretKey) {
            return new Side(endpoint, accessKey, secretKey,
                    S3ClientFactory.create(S3Remote.of("admin", endpoint, accessKey, secretKey)));
        }
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.warnOnly();
        String target = args[0];
        List<String> ours = List.of(args[1].split(" "));
        int objects = Integer.parseInt(System.getenv().getOrDefault("BENCH_OBJECTS", "2000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "5"));
        String cp = System.getProperty("java.class.path");
        if (target.equals("rgw")) {
            long t0 = System.nanoTime();
            RgwUser u = CephRgw.sharedUser();
            System.out.printf(Locale.ROOT, "Ceph RGW up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Side side = Side.of(u.endpoint(), u.accessKey(), u.secretKey());
            new BucketsParallelBench().run("Ceph RGW 16 (one user)", side, side, ours, objects, rounds);
            System.exit(0); // the shutdown hook stops Ceph
        }
        try (S3BenchProcess s = new S3BenchProcess(cp, "srcAccessKey", "srcSecretKey-123", "1g");
             S3BenchProcess d = new S3BenchProcess(cp, "dstAccessKey", "dstSecretKey-456", "1g")) {
            new BucketsParallelBench().run("two S3Proxy 4.1.0 processes (transient backend)",
                    Side.of(s.direct, s.accessKey, s.secretKey), Side.of(d.direct, d.accessKey, d.secretKey), ours,
                    objects, rounds);
        }
    }

    private void run(String label, Side src, Side dst, List<String> ours, int objects, int rounds) throws Exception {
        for (String b : BUCKETS) {
            src.admin().createBucket(r -> r.bucket(b));
            dst.admin().createBucket(r -> r.bucket(b + "-copy"));
            fill(src.admin(), b, objects);
        }
        Path work = Files.createTempDirectory("buckets-parallel");
        Path parallel = config(work, src, dst, 4);
        Path sequential = config(work, src, dst, 1);
        System.out.printf(Locale.ROOT, "%s; 4 buckets x %,d objects of 1 KiB; cores %d, load %s%n", label, objects,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        S3BenchTools.Run first = once(ours, parallel);
        System.out.printf(Locale.ROOT, "first sync (bucket-parallelism 4): %.2f s%n", first.seconds());
        List<Double> p = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean parallelFirst = r % 2 == 1;
            for (boolean parallelTurn : new boolean[] {parallelFirst, !parallelFirst}) {
                (parallelTurn ? p : s).add(once(ours, parallelTurn ? parallel : sequential).seconds());
            }
            System.out.printf(Locale.ROOT, "round %d: parallel %.2f s, sequential %.2f s%n", r, p.get(r - 1), s.get(r - 1));
        }
        double mp = S3BenchTools.median(p);
        double ms = S3BenchTools.median(s);
        System.out.printf(Locale.ROOT, "no-change rerun, cold, median of %d: bucket-parallelism 4 %.2f s, 1 %.2f s, "
                + "parallel/sequential %.2fx%n", rounds, mp, ms, mp / ms);
    }

    private static S3BenchTools.Run once(List<String> ours, Path config) throws Exception {
        List<String> cmd = new ArrayList<>(ours);
        cmd.addAll(List.of("--config", config.toString(), "--once", "four"));
        S3BenchTools.Run r = S3BenchTools.timed(cmd, Map.of());
        if (r.exit() != 0) {
            throw new IllegalStateException("ours failed (exit " + r.exit() + "): " + r.output());
        }
        return r;
    }

    private static Path config(Path dir, Side src, Side dst, int bucketParallelism) throws Exception {
        StringBuilder b = new StringBuilder();
        for (var e : Map.of("src", src, "dst", dst).entrySet()) {
            String p = "replicator.remotes." + e.getKey() + ".";
            b.append(p).append("endpoint = ").append(e.getValue().endpoint()).append('\n')
                    .append(p).append("access-key = ").append(e.getValue().accessKey()).append('\n')
                    .append(p).append("secret-key = ").append(e.getValue().secretKey()).append('\n');
        }
        String j = "replicator.bucket-sync.four.";
        b.append(j).append("source = src\n").append(j).append("destination = dst\n").append(j).append("buckets = ")
                .append(String.join(", ", BUCKETS.stream().map(x -> x + ":" + x + "-copy").toList())).append('\n')
                .append(j).append("bucket-parallelism = ").append(bucketParallelism).append('\n');
        return Files.writeString(dir.resolve("p" + bucketParallelism + ".properties"), b.toString());
    }

    private static void fill(S3Client client, String bucket, int objects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> f = new ArrayList<>();
            byte[] body = new byte[1024];
            for (int i = 0; i < objects; i++) {
                String key = String.format(Locale.ROOT, "dir-%02d/obj-%06d", i % 20, i);
                f.add(pool.submit(() -> client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body))));
            }
            for (Future<?> x : f) {
                x.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}

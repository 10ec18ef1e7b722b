package io.replicator.bench;

import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.S3ClientFactory;
import io.replicator.s3sync.S3Remote;
import io.replicator.s3sync.SyncOptions;
import io.replicator.s3sync.SyncReport;
import io.replicator.testing.QuietLogs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ours vs `rclone sync` (defaults) between two S3Proxy processes (transient backend), both tools
 * through the same counting proxies, same datasets, same run. First COLD (S3SyncColdBench: fresh
 * processes, BENCH_COLD_ROUNDS (3) rounds of BENCH_COLD_OBJECTS (20,000) x 1 KiB, ours run as
 * BENCH_OURS, default the README's `java -jar target/camel-replicator.jar`), then WARM (unless
 * BENCH_WARM=0): ours in this (warmed-up) JVM, as inside the long-running app; a cold
 * separate-process run of the engine alone and a 100,000-object listing give peak RSS figures. Not a
 * test: prints tables of ratios. Env: BENCH_ROUNDS (3), BENCH_WARMUPS (6: scenario (a) by both tools
 * before the measured rounds), BENCH_HUGE (1).
 */
public final class S3SyncBench {
    private static final int SMALL = 2000;
    private static final int KIB4 = 4096;
    private static final int MIB50 = 50 * 1024 * 1024;

    /** One run: wall seconds, requests by op, CPU seconds of the tool and of both servers. */
    private record Sample(double seconds, Map<String, Long> requests, double toolCpu, double serverCpu) {
        long total() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, List<Sample>> ours = new LinkedHashMap<>();
    private final Map<String, List<Sample>> rclone = new LinkedHashMap<>();
    private final String cp = System.getProperty("java.class.path");
    private S3BenchProcess src;
    private S3BenchProcess dst;
    private S3Client srcAdmin;
    private S3Client dstAdmin;

    public static void main(String[] args) throws Exception {
        QuietLogs.warnOnly();
        new S3SyncBench().run(Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3")),
                Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUPS", "6")), !"0".equals(System.getenv("BENCH_HUGE")));
    }

    private void run(int rounds, int warmups, boolean huge) throws Exception {
        try (S3BenchProcess s = new S3BenchProcess(cp, "srcAccessKey", "srcSecretKey-123", "3g");
             S3BenchProcess d = new S3BenchProcess(cp, "dstAccessKey", "dstSecretKey-456", "4g")) {
            src = s;
            dst = d;
            srcAdmin = S3ClientFactory.create(S3Remote.of("a", s.direct, s.accessKey, s.secretKey));
            dstAdmin = S3ClientFactory.create(S3Remote.of("b", d.direct, d.accessKey, d.secretKey));
            int coldObjects = Integer.parseInt(System.getenv().getOrDefault("BENCH_COLD_OBJECTS", "20000"));
            fill(srcAdmin, "cold", coldObjects, 1024, 4);
            new S3SyncColdBench(s, d, dstAdmin, java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_OURS",
                    "java -jar target/camel-replicator.jar").split("\\|")).map(c -> List.of(c.trim().split(" "))).toList()).run("cold",
                    String.format(Locale.ROOT, "%,d x 1 KiB", coldObjects),
                    Integer.parseInt(System.getenv().getOrDefault("BENCH_COLD_ROUNDS", "3")));
            if ("0".equals(System.getenv("BENCH_WARM"))) {
                return;
            }
            System.out.println("\nWARM (ours in this JVM after the warm-ups, as in the long-running service):");
            fill(srcAdmin, "small", SMALL, KIB4, 1);
            fill(srcAdmin, "large", 10, MIB50, 2);
            // JIT in our JVM and in both servers, as in a long-running app: both tools, same number of
            // runs (the C2 compiler was still busy with the SDK's code after two: 55 % of our CPU)
            for (int w = 1; w <= warmups; w++) {
                int round = w;
                for (String b : List.of("warm-ours" + w, "warm-rclone" + w)) {
                    dstAdmin.createBucket(x -> x.bucket(b));
                }
                both("warm-up", "small", "warm-ours" + round, "warm-rclone" + round, round);
            }
            ours.remove("warm-up");
            rclone.remove("warm-up");
            for (int r = 1; r <= rounds; r++) {
                for (String b : List.of("ours-a" + r, "rclone-a" + r, "ours-c" + r, "rclone-c" + r)) {
                    dstAdmin.createBucket(x -> x.bucket(b));
                }
                both("(a) 2,000 x 4 KiB to empty", "small", "ours-a" + r, "rclone-a" + r, r);
                both("(b) no-change rerun", "small", "ours-a" + r, "rclone-a" + r, r);
                int round = r;
                for (int i = 0; i < 20; i++) { // 20 of 2,000 objects changed, same size
                    String key = key(i * 100 + 7);
                    srcAdmin.putObject(x -> x.bucket("small").key(key), RequestBody.fromBytes(random(KIB4, 1000L * round + i)));
                }
                both("(d) 20 of 2,000 changed", "small", "ours-a" + r, "rclone-a" + r, r);
                both("(c) 10 x 50 MiB to empty", "large", "ours-c" + r, "rclone-c" + r, r);
                empty("ours-c" + r);
                empty("rclone-c" + r);
            }
            printTable(rounds);
            coldAndHuge(huge);
        }
    }

    private void both(String scenario, String from, String oursTo, String rcloneTo, int round) throws Exception {
        for (boolean oursFirst : new boolean[] {round % 2 == 1, round % 2 == 0}) {
            reset();
            double servers0 = serverCpu();
            if (oursFirst) {
                double cpu0 = selfCpu();
                long t0 = System.nanoTime();
                check(oursSync(from, oursTo));
                double secs = (System.nanoTime() - t0) / 1e9;
                ours.computeIfAbsent(scenario, k -> new ArrayList<>())
                        .add(new Sample(secs, counts(), selfCpu() - cpu0, serverCpu() - servers0));
            } else {
                S3BenchTools.Run run = S3BenchTools.timed(List.of("rclone", "sync", "SRC:" + from, "DST:" + rcloneTo),
                        S3BenchTools.rcloneEnv(src, dst));
                if (run.exit() != 0) {
                    throw new IllegalStateException("rclone failed: " + run.output());
                }
                rclone.computeIfAbsent(scenario, k -> new ArrayList<>())
                        .add(new Sample(run.seconds(), counts(), run.cpuSeconds(), serverCpu() - servers0));
            }
        }
    }

    private double serverCpu() {
        return (src.cpu().toMillis() + dst.cpu().toMillis()) / 1000.0;
    }

    private static double selfCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1000.0;
    }

    private SyncReport oursSync(String from, String to) {
        return BucketSync.run(new BucketJob("bench", new BucketRef(S3Remote.of("src", src.counted, src.accessKey,
                src.secretKey), from), new BucketRef(S3Remote.of("dst", dst.counted, dst.accessKey, dst.secretKey), to)),
                SyncOptions.defaults());
    }

    private static void check(SyncReport r) {
        if (!r.ok()) {
            throw new IllegalStateException("our sync failed: " + r.summary());
        }
    }

    private void reset() throws Exception {
        src.resetCounts();
        dst.resetCounts();
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> m = new java.util.TreeMap<>(src.counts());
        dst.counts().forEach((k, v) -> m.merge(k, v, Long::sum));
        m.remove("CONNECTIONS"); // TCP connections, not requests
        return m;
    }

    private void printTable(int rounds) {
        System.out.printf(Locale.ROOT, "%nWARM: S3 bucket sync: ours (warm JVM, default options) vs rclone sync 1.60 (default flags); "
                + "two S3Proxy processes (transient backend); requests counted by proxies in front of both servers; "
                + "median of %d rounds (ratio > 1: ours better)%n", rounds);
        System.out.printf(Locale.ROOT, "%-28s %7s %9s %6s %9s %10s %6s %11s %11s%n", "scenario", "ours s", "rclone s",
                "ratio", "ours req", "rclone req", "ratio", "ours cpu s", "rclone cpu s");
        for (String sc : ours.keySet()) {
            List<Sample> o = ours.get(sc);
            List<Sample> r = rclone.get(sc);
            double os = S3BenchTools.median(o.stream().map(Sample::seconds).toList());
            double rs = S3BenchTools.median(r.stream().map(Sample::seconds).toList());
            long oq = o.get(rounds - 1).total();
            long rq = r.get(rounds - 1).total();
            System.out.printf(Locale.ROOT, "%-28s %7.2f %9.2f %5.1fx %9d %10d %5.1fx %5.2f+%-5.2f %5.2f+%-5.2f%n", sc, os, rs,
                    rs / os, oq, rq, (double) rq / Math.max(1, oq),
                    S3BenchTools.median(o.stream().map(Sample::toolCpu).toList()),
                    S3BenchTools.median(o.stream().map(Sample::serverCpu).toList()),
                    S3BenchTools.median(r.stream().map(Sample::toolCpu).toList()),
                    S3BenchTools.median(r.stream().map(Sample::serverCpu).toList()));
        }
        System.out.println("(cpu = CPU seconds of the tool + of both S3 servers; the machine's cores are shared by all three)");
        System.out.println("\nwall seconds per round:");
        for (String sc : ours.keySet()) {
            System.out.printf("%-28s ours   %s%n%-28s rclone %s%n", sc, secondsOf(ours.get(sc)), "", secondsOf(rclone.get(sc)));
        }
        System.out.println("\nrequests by type (last round, as seen by the servers):");
        for (String sc : ours.keySet()) {
            System.out.printf("%-28s ours   %s%n%-28s rclone %s%n", sc, ours.get(sc).get(rounds - 1).requests(), "",
                    rclone.get(sc).get(rounds - 1).requests());
        }
    }

    private static String secondsOf(List<Sample> samples) {
        return samples.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.seconds()))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Cold separate-process run of (a) and a 100,000-object listing: wall time and peak RSS. */
    private void coldAndHuge(boolean huge) throws Exception {
        dstAdmin.createBucket(b -> b.bucket("cold-ours"));
        dstAdmin.createBucket(b -> b.bucket("cold-rclone"));
        Map<String, String> env = Map.of("BENCH_SRC_AK", src.accessKey, "BENCH_SRC_SK", src.secretKey,
                "BENCH_DST_AK", dst.accessKey, "BENCH_DST_SK", dst.secretKey);
        S3BenchTools.Run o = S3BenchTools.timed(List.of("java", "-Xmx256m", "-cp", cp, S3SyncBenchRunner.class.getName(),
                "SYNC", src.counted.toString(), "small", dst.counted.toString(), "cold-ours"), env);
        S3BenchTools.Run r = S3BenchTools.timed(List.of("rclone", "sync", "SRC:small", "DST:cold-rclone"),
                S3BenchTools.rcloneEnv(src, dst));
        System.out.printf(Locale.ROOT, "%n(a) as separate processes (ours: cold JVM -Xmx256m, incl. JVM start):%n"
                + "  ours   %.2f s, peak RSS %d MiB, cpu %.2f s (exit %d)%n  rclone %.2f s, peak RSS %d MiB, cpu %.2f s%n",
                o.seconds(), o.maxRssKib() / 1024, o.cpuSeconds(), o.exit(), r.seconds(), r.maxRssKib() / 1024,
                r.cpuSeconds());
        if (!huge) {
            return;
        }
        long t0 = System.nanoTime();
        fill(srcAdmin, "huge", 100_000, 16, 3);
        System.out.printf(Locale.ROOT, "%n100,000 objects uploaded in %.0f s; check mode, bucket against itself:%n",
                (System.nanoTime() - t0) / 1e9);
        src.resetCounts();
        Map<String, String> ownEnv = Map.of("BENCH_SRC_AK", src.accessKey, "BENCH_SRC_SK", src.secretKey,
                "BENCH_DST_AK", src.accessKey, "BENCH_DST_SK", src.secretKey);
        report("ours (JVM -Xmx64m)", S3BenchTools.timed(List.of("java", "-Xmx64m", "-cp", cp,
                S3SyncBenchRunner.class.getName(), "CHECK", src.counted.toString(), "huge", src.counted.toString(),
                "huge"), ownEnv));
        report("rclone check", S3BenchTools.timed(List.of("rclone", "check", "SRC:huge", "SRC:huge"),
                S3BenchTools.rcloneEnv(src, dst)));
        report("rclone check --fast-list", S3BenchTools.timed(List.of("rclone", "check", "--fast-list", "SRC:huge",
                "SRC:huge"), S3BenchTools.rcloneEnv(src, dst)));
        System.out.println("  (S3Proxy scans the whole bucket for every flat 1,000-key page; rclone without --fast-list "
                + "lists 20 directories by prefix, which S3Proxy answers far more cheaply)");
    }

    private void report(String who, S3BenchTools.Run run) throws Exception {
        Map<String, Long> c = src.counts();
        c.remove("CONNECTIONS");
        src.resetCounts();
        System.out.printf(Locale.ROOT, "  %-26s %6.2f s, peak RSS %4d MiB, cpu %.2f s, exit %d, requests %s%n", who,
                run.seconds(), run.maxRssKib() / 1024, run.cpuSeconds(), run.exit(), c);
        if (run.exit() != 0) {
            System.out.println(run.output());
        }
    }

    private static String key(int i) {
        return String.format("dir%02d/object-%05d.bin", i % 20, i);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void fill(S3Client c, String bucket, int n, int size, long seed) throws Exception {
        c.createBucket(b -> b.bucket(bucket));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                fs.add(pool.submit(() -> c.putObject(b -> b.bucket(bucket).key(key(k)),
                        RequestBody.fromBytes(random(size, seed * 1_000_003L + k)))));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void empty(String bucket) {
        dstAdmin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach(o -> dstAdmin.deleteObject(b -> b.bucket(bucket).key(o.key())));
    }
}

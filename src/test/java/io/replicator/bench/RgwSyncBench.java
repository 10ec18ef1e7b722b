package io.replicator.bench;

import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.S3Remote;
import io.replicator.s3sync.SyncOptions;
import io.replicator.s3sync.SyncReport;
import io.replicator.testing.CephRgw;
import io.replicator.testing.QuietLogs;
import io.replicator.testing.RgwRequestLog;
import io.replicator.testing.RgwUser;
import io.replicator.testing.S3Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Ours (the jar, {@code --once}, a cold process per run; and in this JVM after a warm-up) vs
 * {@code rclone sync} (defaults) against one Ceph RGW in the same run: streamed between two users
 * and server-side within one user, first sync and no-change rerun. Requests are counted by type from
 * radosgw's own log, outside either tool. After each first sync, what the copy kept is compared.
 * Not a test: prints a table. Usage: RgwSyncBench path/to/camel-replicator.jar; env BENCH_WARM (1).
 */
public final class RgwSyncBench {
    private static final String SRC = "bench-src";

    private static final Pattern JOB_TIME = Pattern.compile("\\] \\S+ in ([0-9.]+)s");

    /** engineSeconds: the job's own duration as the jar reports it (without JVM start and boot), or -1. */
    private record Row(String scenario, String tool, int exit, double seconds, double engineSeconds, long maxRssKib,
                       Map<S3Op, Long> requests, String note) {
        long total() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final Path jar;
    private RgwUser a;
    private RgwUser b;
    private RgwRequestLog log;
    private RgwBenchData data;
    private Path config;

    private RgwSyncBench(Path jar) {
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.warnOnly();
        new RgwSyncBench(Path.of(args[0])).run(!"0".equals(System.getenv("BENCH_WARM")));
        System.exit(0); // the shutdown hook stops Ceph
    }

    private void run(boolean warm) throws Exception {
        long t0 = System.nanoTime();
        CephRgw rgw = CephRgw.shared();
        System.out.printf(Locale.ROOT, "Ceph RGW (%s) up in %.1f s%n", version(), (System.nanoTime() - t0) / 1e9);
        a = rgw.user();
        b = rgw.otherUser();
        log = rgw.requestLog();
        data = new RgwBenchData();
        t0 = System.nanoTime();
        data.load(a, SRC);
        System.out.printf(Locale.ROOT, "source: %,d objects, %.1f MiB (%d with headers, %d tagged, %d multipart, %d medium), loaded in %.1f s%n",
                data.objects, data.bytes / 1048576.0, data.withHeaders.size(), data.withTags.size(), data.multipart.size(),
                data.medium.size(), (System.nanoTime() - t0) / 1e9);
        config = writeConfig();
        for (boolean streamed : new boolean[] {true, false}) {
            String mode = streamed ? "streamed" : "server-side";
            RgwUser dst = streamed ? b : a;
            String oursBucket = "ours-" + mode;
            String rcloneBucket = "rclone-" + mode;
            dst.createBucket(oursBucket);
            dst.createBucket(rcloneBucket);
            for (String phase : List.of("first sync", "no-change rerun")) {
                String scenario = mode + ", " + phase;
                if (streamed) { // who goes first alternates between the modes
                    ours(scenario, mode);
                    rclone(scenario, streamed, rcloneBucket);
                } else {
                    rclone(scenario, streamed, rcloneBucket);
                    ours(scenario, mode);
                }
                if (phase.equals("first sync")) {
                    checks.add(mode + " ours:   " + RgwBenchCheck.compare(a, SRC, dst, oursBucket, data));
                    checks.add(mode + " rclone: " + RgwBenchCheck.compare(a, SRC, dst, rcloneBucket, data));
                }
            }
            if (warm) {
                warm(mode, dst);
            }
        }
        print();
    }

    private void ours(String scenario, String job) throws Exception {
        long mark = log.mark();
        S3BenchTools.Run r = S3BenchTools.timed(List.of("java", "-Xmx256m", "-jar", jar.toString(), "--config",
                config.toString(), "--once", job), Map.of());
        Matcher m = JOB_TIME.matcher(r.output());
        rows.add(new Row(scenario, "ours (jar --once)", r.exit(), r.seconds(), m.find() ? Double.parseDouble(m.group(1)) : -1,
                r.maxRssKib(), log.countsSince(mark), summaryLine(r.output())));
    }

    private void rclone(String scenario, boolean streamed, String bucket) throws Exception {
        Map<String, String> env = new HashMap<>();
        remoteEnv(env, "SRC", a);
        remoteEnv(env, "DST", b);
        env.put("RCLONE_CONFIG", "/dev/null");
        long mark = log.mark();
        // same credentials = same remote: rclone copies server-side only within one remote
        S3BenchTools.Run r = S3BenchTools.timed(List.of("rclone", "sync", "SRC:" + SRC,
                (streamed ? "DST:" : "SRC:") + bucket), env);
        String out = r.output().strip();
        rows.add(new Row(scenario, "rclone sync", r.exit(), r.seconds(), -1, r.maxRssKib(), log.countsSince(mark),
                out.isEmpty() ? "" : out.lines().filter(l -> l.contains("ERROR")).limit(2).collect(Collectors.joining(" | "))));
    }

    /** In this JVM: one warm-up run into a throwaway bucket, then first sync and rerun. */
    private void warm(String mode, RgwUser dst) throws Exception {
        String bucket = "ours-warm-" + mode;
        dst.createBucket("warm-up-" + mode);
        dst.createBucket(bucket);
        BucketSync.run(job(dst, "warm-up-" + mode), SyncOptions.defaults());
        for (String phase : List.of("first sync", "no-change rerun")) {
            long mark = log.mark();
            long t0 = System.nanoTime();
            SyncReport r = BucketSync.run(job(dst, bucket), SyncOptions.defaults());
            double s = (System.nanoTime() - t0) / 1e9;
            rows.add(new Row(mode + ", " + phase, "ours (warm JVM)", r.ok() ? 0 : 1, s, s, 0, log.countsSince(mark),
                    r.ok() ? "" : String.join(" | ", r.errors().subList(0, Math.min(2, r.errors().size())))));
        }
    }

    private BucketJob job(RgwUser dst, String bucket) {
        return new BucketJob("warm", new BucketRef(remote("src", a), SRC), new BucketRef(remote("dst", dst), bucket));
    }

    private static S3Remote remote(String name, RgwUser u) {
        return S3Remote.of(name, u.endpoint(), u.accessKey(), u.secretKey());
    }

    private static void remoteEnv(Map<String, String> env, String name, RgwUser u) {
        String p = "RCLONE_CONFIG_" + name + "_";
        env.put(p + "TYPE", "s3");
        env.put(p + "PROVIDER", "Ceph");
        env.put(p + "ENDPOINT", u.endpoint().toString());
        env.put(p + "ACCESS_KEY_ID", u.accessKey());
        env.put(p + "SECRET_ACCESS_KEY", u.secretKey());
    }

    /** Two remotes (the two users) and one job per mode; credentials in a file only this user reads. */
    private Path writeConfig() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (RgwUser u : List.of(a, b)) {
            String r = "replicator.remotes." + u.uid() + ".";
            sb.append(r).append("endpoint = ").append(u.endpoint()).append('\n')
                    .append(r).append("access-key = ").append(u.accessKey()).append('\n')
                    .append(r).append("secret-key = ").append(u.secretKey()).append('\n');
        }
        for (boolean streamed : new boolean[] {true, false}) {
            String mode = streamed ? "streamed" : "server-side";
            String j = "replicator.bucket-sync." + mode + ".";
            sb.append(j).append("source = ").append(a.uid()).append('\n')
                    .append(j).append("destination = ").append((streamed ? b : a).uid()).append('\n')
                    .append(j).append("buckets = ").append(SRC).append(":ours-").append(mode).append('\n');
        }
        Path f = Files.createTempFile("rgw-bench", ".properties", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        f.toFile().deleteOnExit();
        Files.writeString(f, sb);
        return f;
    }

    private static String summaryLine(String output) {
        return output.lines().filter(l -> l.contains("FAILED") || l.contains("errors:") || l.contains("rror"))
                .map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l).limit(2).collect(Collectors.joining(" | "));
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%n%-28s %-18s %4s %8s %8s %8s %8s  %s%n", "scenario", "tool", "exit", "wall s",
                "job s", "RSS MiB", "requests", "by type");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-28s %-18s %4d %8.2f %8s %8s %8d  %s%n", r.scenario(), r.tool(), r.exit(),
                    r.seconds(), r.engineSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.engineSeconds()),
                    r.maxRssKib() == 0 ? "-" : Long.toString(r.maxRssKib() / 1024), r.total(),
                    r.requests().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
        }
        System.out.println();
        for (Row r : rows) {
            if (!r.note().isEmpty()) {
                System.out.println("note " + r.scenario() + " / " + r.tool() + ": " + r.note());
            }
        }
        System.out.printf(Locale.ROOT, "%nratios ours (jar) / rclone: wall time, requests%n");
        for (int i = 0; i < rows.size(); i++) {
            Row o = rows.get(i);
            if (o.tool().startsWith("ours (jar")) {
                rows.stream().filter(r -> r.scenario().equals(o.scenario()) && r.tool().equals("rclone sync")).findFirst()
                        .ifPresent(r -> System.out.printf(Locale.ROOT, "  %-28s %5.2fx  %5.2fx%n", o.scenario(),
                                o.seconds() / r.seconds(), (double) o.total() / Math.max(1, r.total())));
            }
        }
        System.out.printf("%nwhat the first sync kept (listings, headers, tags; checked outside the measured runs):%n");
        checks.forEach(c -> System.out.println("  " + c));
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder("radosgw", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return v.replaceAll(" \\([0-9a-f]{40}\\)", "");
        } catch (Exception e) {
            return "version unknown";
        }
    }

    /** A key printed unambiguously: control characters, non-ASCII and trailing spaces escaped. */
    static String escape(String key) {
        StringBuilder sb = new StringBuilder("\"");
        key.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                sb.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.append('"').toString();
    }
}

package io.replicator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cold figures, as a sync-now Job or a CronJob runs: per round a fresh process of ours (the
 * README's run command with {@code --once}) and a fresh `rclone sync` (default flags), each into
 * its own empty bucket, then each again with nothing changed; the order alternates per round.
 * Ratios are ours / rclone (time), so below 1 means ours is faster.
 */
final class S3SyncColdBench {
    private final S3BenchProcess src;
    private final S3BenchProcess dst;
    private final S3Client dstAdmin;
    private final List<List<String>> ourCommands;
    private final Path work;
    private final Map<String, List<S3BenchTools.Run>> ours = new LinkedHashMap<>(); // scenario + " | ours N"
    private final Map<String, List<S3BenchTools.Run>> rclone = new LinkedHashMap<>();

    /** @param ourCommands how ours runs; several (e.g. two builds) are run in turn every round */
    S3SyncColdBench(S3BenchProcess src, S3BenchProcess dst, S3Client dstAdmin, List<List<String>> ourCommands) throws IOException {
        this.src = src;
        this.dst = dst;
        this.dstAdmin = dstAdmin;
        this.ourCommands = ourCommands;
        this.work = Files.createTempDirectory("s3sync-cold");
    }

    /** {@code bucket} holds the data set already (e.g. 20,000 x 1 KiB). */
    void run(String bucket, String label, int rounds) throws Exception {
        for (int r = 1; r <= rounds; r++) {
            String rcloneTo = "cold-rclone-" + r;
            dstAdmin.createBucket(b -> b.bucket(rcloneTo));
            List<Path> configs = new ArrayList<>();
            for (int v = 1; v <= ourCommands.size(); v++) {
                String oursTo = "cold-ours" + v + "-" + r;
                dstAdmin.createBucket(b -> b.bucket(oursTo));
                configs.add(config(r, bucket, oursTo, v));
            }
            for (String scenario : List.of("first sync of " + label, "no-change rerun")) {
                boolean oursFirst = r % 2 == 1;
                for (boolean oursTurn : new boolean[] {oursFirst, !oursFirst}) {
                    if (oursTurn) {
                        for (int v = 0; v < ourCommands.size(); v++) {
                            List<String> cmd = new ArrayList<>(ourCommands.get(v));
                            cmd.addAll(List.of("--config", configs.get(v).toString(), "--once", "cold" + r));
                            add(ours, scenario + " | ours " + (v + 1), S3BenchTools.timed(cmd, Map.of()), "ours");
                        }
                    } else {
                        add(rclone, scenario, S3BenchTools.timed(List.of("rclone", "sync", "SRC:" + bucket, "DST:" + rcloneTo),
                                S3BenchTools.rcloneEnv(src, dst)), "rclone");
                    }
                }
            }
        }
        print(rounds);
    }

    private Path config(int round, String from, String to, int variant) throws IOException {
        StringBuilder b = new StringBuilder();
        for (var e : Map.of("src", src, "dst", dst).entrySet()) {
            String p = "replicator.remotes." + e.getKey() + ".";
            b.append(p).append("endpoint = ").append(e.getValue().counted).append('\n')
                    .append(p).append("access-key = ").append(e.getValue().accessKey).append('\n')
                    .append(p).append("secret-key = ").append(e.getValue().secretKey).append('\n');
        }
        String j = "replicator.bucket-sync.cold" + round + ".";
        b.append(j).append("source = src\n").append(j).append("destination = dst\n")
                .append(j).append("buckets = ").append(from).append(':').append(to).append('\n');
        return Files.writeString(work.resolve("cold" + round + "-" + variant + ".properties"), b.toString());
    }

    private void add(Map<String, List<S3BenchTools.Run>> m, String scenario, S3BenchTools.Run run, String who) {
        if (run.exit() != 0) {
            throw new IllegalStateException(who + " failed (exit " + run.exit() + "; S3 servers alive: source " + src.isAlive()
                    + ", destination " + dst.isAlive() + ", their stderr in java.io.tmpdir/s3-bench-server*.log): " + run.output());
        }
        m.computeIfAbsent(scenario, k -> new ArrayList<>()).add(run);
    }

    private void print(int rounds) {
        System.out.printf(Locale.ROOT, "%nCOLD (fresh process per run, as a sync-now Job or CronJob): ours = <command> --once,"
                + " rclone sync 1.60 (default flags); median of %d interleaved rounds; ours/rclone < 1: ours faster%n", rounds);
        for (int v = 0; v < ourCommands.size(); v++) {
            System.out.printf(Locale.ROOT, "  ours %d: %s%n", v + 1, String.join(" ", ourCommands.get(v)));
        }
        System.out.printf(Locale.ROOT, "%-34s %8s %9s %12s %12s %12s %13s%n", "scenario", "ours s", "rclone s", "ours/rclone",
                "ours RSS MiB", "rclone RSS", "cpu s o/r");
        for (String sc : ours.keySet()) {
            List<S3BenchTools.Run> o = ours.get(sc);
            List<S3BenchTools.Run> r = rclone.get(sc.substring(0, sc.indexOf(" | ")));
            double os = median(o, S3BenchTools.Run::seconds);
            double rs = median(r, S3BenchTools.Run::seconds);
            System.out.printf(Locale.ROOT, "%-34s %8.2f %9.2f %11.2fx %12.0f %12.0f %6.2f/%-6.2f%n", sc, os, rs, os / rs,
                    median(o, x -> x.maxRssKib() / 1024.0), median(r, x -> x.maxRssKib() / 1024.0),
                    median(o, S3BenchTools.Run::cpuSeconds), median(r, S3BenchTools.Run::cpuSeconds));
            System.out.printf(Locale.ROOT, "%-34s ours   %s%n%-34s rclone %s%n", "  rounds (s)", seconds(o), "", seconds(r));
        }
    }

    private static double median(List<S3BenchTools.Run> runs, java.util.function.ToDoubleFunction<S3BenchTools.Run> f) {
        return S3BenchTools.median(runs.stream().map(f::applyAsDouble).toList());
    }

    private static String seconds(List<S3BenchTools.Run> runs) {
        return String.join(" ", runs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.seconds())).toList());
    }
}

package io.replicator.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The COLD figure of bench/delta.sh: per pattern and round, our signature/delta/patch in a fresh JVM
 * (the whole process timed, JVM start included, no warm-up: as one file of a mover pod's first
 * sync) beside rsync's local delta transfer of the same pair (a fresh process too); the order
 * alternates per round; medians. Ratio: ours / rsync (time).
 * Usage: DeltaColdBench WORKDIR ROUNDS PATTERN...   (the runner: DeltaColdBench --one BASIS TARGET DIR)
 */
public final class DeltaColdBench {
    private DeltaColdBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--one")) {
            DeltaBench.runOurs(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(Locale.ROOT, "%nCOLD: ours in a fresh JVM per file (whole process: JVM start, signature, delta, patch,"
                + " single thread) vs rsync -I --no-whole-file (a fresh process); median of %d interleaved rounds%n", rounds);
        System.out.printf(Locale.ROOT, "%-16s %9s %9s %11s   %s%n", "pattern", "ours s", "rsync s", "ours/rsync", "rounds ours | rsync");
        for (int i = 2; i < args.length; i++) {
            Path dir = work.resolve(args[i]);
            Path basis = dir.resolve("basis.bin");
            Path target = dir.resolve("target.bin");
            List<Double> ours = new ArrayList<>();
            List<Double> rsync = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (boolean oursTurn : new boolean[] {r % 2 == 0, r % 2 == 1}) {
                    if (oursTurn) {
                        S3BenchTools.Run run = S3BenchTools.timed(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                                DeltaColdBench.class.getName(), "--one", basis.toString(), target.toString(), dir.toString()), Map.of());
                        if (run.exit() != 0) {
                            throw new IllegalStateException("ours failed: " + run.output());
                        }
                        ours.add(run.seconds());
                    } else {
                        rsync.add(DeltaBenchRsync.run(basis, target, dir).wallSeconds());
                    }
                }
            }
            double o = S3BenchTools.median(ours);
            double s = S3BenchTools.median(rsync);
            System.out.printf(Locale.ROOT, "%-16s %9.2f %9.2f %10.2fx   %s | %s%n", args[i], o, s, o / s, fmt(ours), fmt(rsync));
        }
    }

    private static String fmt(List<Double> xs) {
        return String.join(" ", xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }
}

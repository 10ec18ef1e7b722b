package io.replicator.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.replicator.psk.PskKeyFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.LoggerFactory;

/**
 * The COLD figure of bench/psk.sh: per round, ours in a fresh JVM (the whole process timed: JVM
 * start, our TLS-PSK client and server, the transfer; no warm-up) beside a fresh stunnel pair
 * (their start included) moving the same bytes; the order alternates per round; medians.
 * Ratio: ours / stunnel (time). Usage: PskColdBench WORKDIR STUNNEL MiB ROUNDS
 * (the runner: PskColdBench --one KEYFILE MiB).
 */
public final class PskColdBench {
    private PskColdBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        if (args[0].equals("--one")) {
            new PskBenchNetty(block()).ours(PskKeyFile.parse(Path.of(args[1])), Long.parseLong(args[2]) << 20);
            System.exit(0); // Netty's event loop threads would keep the JVM up
        }
        Path dir = Path.of(args[0]);
        long mib = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path keys = dir.resolve("psk.txt");
        java.nio.file.Files.writeString(keys, io.replicator.psk.PskKeyGenerator.generate("volsync") + "\n");
        java.nio.file.Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        byte[] random = new byte[1 << 20];
        new SplittableRandom(42).nextBytes(random);
        PskBenchStunnel stunnel = new PskBenchStunnel(dir, Path.of(args[1]), random);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> ours = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean oursTurn : new boolean[] {r % 2 == 0, r % 2 == 1}) {
                if (oursTurn) {
                    S3BenchTools.Run run = S3BenchTools.timed(List.of(java, "-Xms512m", "-Xmx1g", "-Dbench.handshakeSeconds=120", "-cp",
                            System.getProperty("java.class.path"), PskColdBench.class.getName(), "--one", keys.toString(),
                            String.valueOf(mib)), Map.of());
                    if (run.exit() != 0) {
                        throw new IllegalStateException("ours failed: " + run.output());
                    }
                    ours.add(run.seconds());
                } else {
                    long t0 = System.nanoTime();
                    stunnel.run(keys, mib << 20);
                    peer.add((System.nanoTime() - t0) / 1e9);
                }
            }
        }
        double o = S3BenchTools.median(ours);
        double s = S3BenchTools.median(peer);
        System.out.printf(Locale.ROOT, "COLD: %d MiB through a fresh process per round, process start included; median of %d"
                + " interleaved rounds%n  ours (fresh JVM, BC TLS 1.3 PSK)   %6.2f s  (%s)%n  stunnel <-> stunnel (fresh pair)  %6.2f s"
                + "  (%s)%n  ours / stunnel = %.2fx (time)%n", mib, rounds, o, fmt(ours), s, fmt(peer), o / s);
    }

    private static ByteBuf block() {
        byte[] random = new byte[1 << 20];
        new SplittableRandom(42).nextBytes(random);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(random.length).writeBytes(random));
    }

    private static String fmt(List<Double> xs) {
        return String.join(" ", xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }
}

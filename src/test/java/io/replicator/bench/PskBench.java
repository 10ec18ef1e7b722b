package io.replicator.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyGenerator;
import io.replicator.psk.PskKeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.LoggerFactory;

/**
 * TLS-PSK throughput over loopback, one run each: ours (our client -> our server, BC TLS 1.3 PSK),
 * stunnel <-> stunnel (VolSync's settings, plain TCP source and sink), the JDK's TLS 1.3
 * (Netty SslHandler on SSLEngine, AES-128-GCM, self-signed cert) and plain TCP; ratios vs stunnel.
 * Usage: PskBench <work dir> <stunnel binary> [MiB, default 1024] [rounds, default 3]
 */
public final class PskBench {
    private static final String STUNNEL = "stunnel <-> stunnel (VolSync settings)";

    private PskBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dir = Path.of(args[0]);
        Path stunnel = Path.of(args[1]);
        long size = (args.length > 2 ? Long.parseLong(args[2]) : 1024) << 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        byte[] random = new byte[1 << 20];
        new SplittableRandom(42).nextBytes(random); // incompressible, generated before any timing
        ByteBuf block = Unpooled.unreleasableBuffer(Unpooled.directBuffer(random.length).writeBytes(random));

        Path keys = dir.resolve("psk.txt");
        Files.writeString(keys, PskKeyGenerator.generate("volsync") + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        PskKeyRing ring = PskKeyFile.parse(keys);
        PskBenchCert cert = PskBenchCert.generate();
        PskBenchNetty netty = new PskBenchNetty(block);
        PskBenchStunnel stunnelPath = new PskBenchStunnel(dir, stunnel, random);

        long warmup = 256L << 20; // JIT for the JVM transports; stunnel is native
        netty.ours(ring, warmup);
        netty.jdkTls(cert, warmup);
        netty.plainTcp(warmup);

        // Rounds interleave the transports so that load from other processes hits them alike.
        Map<String, List<Double>> mbps = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            add(mbps, STUNNEL, size, stunnelPath.run(keys, size));
            add(mbps, "ours: BC TLS 1.3 PSK, Netty", size, netty.ours(ring, size));
            add(mbps, "JDK TLS 1.3 (SSLEngine), Netty", size, netty.jdkTls(cert, size));
            add(mbps, "plain TCP, Netty", size, netty.plainTcp(size));
        }

        double stunnelMedian = median(mbps.get(STUNNEL));
        System.out.printf("%nTLS-PSK throughput: %d MiB over loopback, %d rounds, %d cores (MB = 10^6 bytes)%n",
                size >> 20, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-42s %12s %15s %11s%n", "transport", "median MB/s", "min..max MB/s", "vs stunnel");
        mbps.forEach((name, values) -> System.out.printf("%-42s %12.0f %7.0f..%-7.0f %10.2fx%n", name, median(values),
                Collections.min(values), Collections.max(values), median(values) / stunnelMedian));
    }

    private static void add(Map<String, List<Double>> results, String name, long bytes, long nanos) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(bytes / 1e6 / (nanos / 1e9));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

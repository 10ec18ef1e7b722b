package io.replicator.bench;

import io.replicator.delta.DeltaEncoder;
import io.replicator.delta.DeltaPatcher;
import io.replicator.delta.DeltaStats;
import io.replicator.delta.DeltaWriter;
import io.replicator.delta.Durability;
import io.replicator.delta.LiteralCompression;
import io.replicator.delta.PatchResult;
import io.replicator.delta.Signature;
import io.replicator.delta.SignatureBuilder;
import io.replicator.delta.SignatureCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Delta engine vs rsync, one run, same machine, same files (made by bench/delta.sh): for each
 * pattern directory holding basis.bin and target.bin, our signature/delta/patch (single thread) and
 * rsync's local delta transfer of the same pair. Prints delta bytes and times side by side with ratios.
 * Usage: DeltaBench <workdir> <pattern>...
 */
public final class DeltaBench {
    private static final double MIB = 1024.0 * 1024.0;

    record Ours(long signatureBytes, long deltaBytes, DeltaStats stats, double signSeconds, double deltaSeconds,
            double patchSeconds) {
    }

    record Row(String pattern, long basisLength, long targetLength, Ours ours, DeltaBenchRsync.Result rsync) {
    }

    private DeltaBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DeltaBench <workdir> <pattern>...");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        warmUp(work.resolve("warmup"));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path dir = work.resolve(args[i]);
            Path basis = dir.resolve("basis.bin");
            Path target = dir.resolve("target.bin");
            Ours ours = runOurs(basis, target, dir);
            DeltaBenchRsync.Result rsync = DeltaBenchRsync.run(basis, target, dir);
            rows.add(new Row(args[i], Files.size(basis), Files.size(target), ours, rsync));
            System.err.println("done " + args[i]);
        }
        print(rows);
    }

    static Ours runOurs(Path basis, Path target, Path dir) throws IOException {
        long t0 = System.nanoTime();
        Signature sig;
        byte[] encodedSig;
        try (FileChannel b = FileChannel.open(basis, StandardOpenOption.READ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SignatureCodec.write(SignatureBuilder.build(b), out);
            encodedSig = out.toByteArray();
            sig = SignatureCodec.read(new ByteArrayInputStream(encodedSig)); // as the delta side receives it
        }
        long t1 = System.nanoTime();
        Path deltaFile = dir.resolve("delta.bin");
        DeltaStats stats;
        long deltaBytes;
        try (FileChannel t = FileChannel.open(target, StandardOpenOption.READ);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(deltaFile), 1 << 16)) {
            DeltaWriter writer = new DeltaWriter(out, LiteralCompression.NONE);
            stats = new DeltaEncoder(sig).encode(t, writer);
            deltaBytes = writer.bytesWritten();
        }
        long t2 = System.nanoTime();
        try (FileChannel b = FileChannel.open(basis, StandardOpenOption.READ);
                InputStream in = new BufferedInputStream(Files.newInputStream(deltaFile), 1 << 16)) {
            PatchResult result = new DeltaPatcher(Durability.NONE).patch(b, in, dir.resolve("patched.bin"));
            Files.delete(result.tempFile()); // verified against the target's SHA-256 by patch()
        }
        long t3 = System.nanoTime();
        Files.delete(deltaFile);
        return new Ours(encodedSig.length, deltaBytes, stats, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    /** Compiles the hot loops before measuring (rsync is native code): a 64 MiB pair, twice, discarded. */
    private static void warmUp(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] basis = new byte[64 << 20];
        Random random = new Random(1);
        random.nextBytes(basis);
        byte[] target = basis.clone();
        for (int i = 0; i < 300; i++) {
            target[random.nextInt(target.length)] ^= 1;
        }
        Path b = Files.write(dir.resolve("basis.bin"), basis);
        Path t = Files.write(dir.resolve("target.bin"), target);
        for (int i = 0; i < 2; i++) {
            runOurs(b, t, dir);
        }
        Files.delete(b);
        Files.delete(t);
        Files.delete(dir);
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("Delta bytes (uncompressed): ours = encoded delta; rsync = Total bytes sent");
        System.out.printf("%-14s %9s %13s %13s %7s %11s %11s %13s %13s%n", "pattern", "target", "ours delta",
                "rsync sent", "ratio", "ours lit", "rsync lit", "ours sig", "rsync recv");
        double worst = 0;
        for (Row r : rows) {
            double ratio = (double) r.ours().deltaBytes() / r.rsync().bytesSent();
            worst = Math.max(worst, ratio);
            System.out.printf("%-14s %8.0fM %13d %13d %7.3f %11d %11d %13d %13d%n", r.pattern(),
                    r.targetLength() / MIB, r.ours().deltaBytes(), r.rsync().bytesSent(), ratio,
                    r.ours().stats().literalBytes(), r.rsync().literalBytes(), r.ours().signatureBytes(),
                    r.rsync().bytesReceived());
        }
        System.out.println();
        System.out.println("Time (single thread ours; rsync = wall time of the whole local transfer, 3 processes)");
        System.out.printf("%-14s %9s %9s %9s %9s %9s %9s %10s %10s%n", "pattern", "sig MiB/s", "dlt MiB/s",
                "pat MiB/s", "sig+dlt s", "ours all", "rsync s", "rsync/s+d", "rsync/all");
        for (Row r : rows) {
            Ours o = r.ours();
            double sd = o.signSeconds() + o.deltaSeconds();
            double all = sd + o.patchSeconds();
            System.out.printf("%-14s %9.0f %9.0f %9.0f %9.3f %9.3f %9.3f %10.2f %10.2f%n", r.pattern(),
                    r.basisLength() / MIB / o.signSeconds(), r.targetLength() / MIB / o.deltaSeconds(),
                    r.targetLength() / MIB / o.patchSeconds(), sd, all, r.rsync().wallSeconds(),
                    r.rsync().wallSeconds() / sd, r.rsync().wallSeconds() / all);
        }
        System.out.println();
        System.out.printf("worst delta-bytes ratio ours/rsync: %.3f (target <= 1.10)%n", worst);
        rows.stream().filter(r -> r.pattern().startsWith("unchanged")).forEach(r -> System.out.printf(
                "%s: rsync wall / our delta generation = %.2f (target >= 1.00)%n", r.pattern(),
                r.rsync().wallSeconds() / r.ours().deltaSeconds()));
    }
}

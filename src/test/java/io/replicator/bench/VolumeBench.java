package io.replicator.bench;

import io.replicator.delta.LiteralCompression;
import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyGenerator;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.volume.DestinationContext;
import io.replicator.volume.DestinationJob;
import io.replicator.volume.SourceReport;
import io.replicator.volume.SourceSettings;
import io.replicator.volume.SyncProgress;
import io.replicator.volume.VolumeServer;
import io.replicator.volume.VolumeSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Volume replication vs VolSync's data path (rsync -aAhHSxz through stunnel with a PSK), one run,
 * same datasets, same machine: (a) many small files, (b) two large files, (c) incremental after 1 %
 * of the files of (a) and 1 % of the blocks of (b) changed. Ours runs over TLS-PSK too. Before each
 * timed run the source and that tool's destination are read once (both start with a warm page
 * cache) and dirty data is flushed (sync), so neither side pays for the other's writeback; both
 * sides end with the data on disk (VolSync's sync -f, our commit's syncfs).
 *
 * <p>Usage: VolumeBench WORKDIR [small]   (small: 2,000 files and 2 x 64 MiB, for a quick check;
 * -Dfiles=N -DlargeMiB=M override the sizes, -Dstreams=N our streams, -Dwarmups=N our warm-up
 * sessions, default 12: the curve flattens after about 12). Ours is measured warm, like the
 * long-running app (and like bench/s3sync.sh): before the table, our JVM syncs the (a) data N times
 * into scratch destinations, until the JIT has compiled the hot paths; the first of those (a cold
 * JVM, as a mover pod) is printed too. A first sync is run twice, rsync first and then ours first,
 * into fresh destinations, and each tool's faster run is shown:
 * on a shared machine the filesystem's state after other work (ext4's inode allocator skips
 * recently deleted inodes) moves single runs by +-50 %.
 */
public final class VolumeBench {
    private record Row(String name, VolumeBenchRsync.Result rsync, double ours, long oursBytes, long oursWire,
                       long literal, long matched) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        boolean small = args.length > 1 && args[1].equals("small");
        int files = Integer.getInteger("files", small ? 2000 : 20_000);
        long large = Long.getLong("largeMiB", small ? 64L : 512L) << 20;
        int streams = Integer.getInteger("streams", 4);
        int warmups = Integer.getInteger("warmups", 12);
        Path src = work.resolve("src");
        Path dstR = Files.createDirectories(work.resolve("dst-rsync"));
        Path dstO = Files.createDirectories(work.resolve("dst-ours"));
        long sparse = Long.getLong("sparseMiB", small ? 256L : 1024L) << 20;
        List<String> jobs = new ArrayList<>(List.of("a", "b", "a2", "b2", "d", "d2", "dp"));
        for (int i = 0; i < warmups; i++) {
            jobs.add("warm" + i);
        }
        for (String d : jobs) {
            Files.createDirectories(dstR.resolve(d));
            Files.createDirectories(dstO.resolve(d));
        }
        VolumeBenchData data = new VolumeBenchData();
        System.err.println("== data: " + files + " x 4 KiB, 2 x " + (large >> 20) + " MiB in " + work);
        data.smallFiles(src.resolve("a"), files, 4096);
        data.largeFiles(src.resolve("b"), 2, large);
        data.sparseFiles(src.resolve("d"), 2, sparse);

        Path pskFile = work.resolve("psk.txt");
        Files.writeString(pskFile, PskKeyGenerator.generate("volsync") + "\n");
        Files.setPosixFilePermissions(pskFile, PosixFilePermissions.fromString("rw-------"));
        PskKeyRing ring = PskKeyFile.parse("bench", Files.readAllBytes(pskFile));
        PskSettings psk = PskSettings.defaults();

        List<Row> rows = new ArrayList<>();
        DestinationContext ctx = new DestinationContext(jobs.stream()
                .map(j -> DestinationJob.of(j, dstO.resolve(j), "volsync")).toList());
        try (VolumeBenchRsync rsync = new VolumeBenchRsync(Files.createDirectories(work.resolve("stunnel")), dstR,
                     pskFile, 18_500, 18_501);
             VolumeServer server = new VolumeServer(new InetSocketAddress("127.0.0.1", 0), ctx,
                     ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, psk), r -> { });
             VolumeSource source = new VolumeSource()) {
            Ours ours = new Ours(source, server.port(), src, dstO, streams, ring, psk, LiteralCompression.zstd(1));
            List<Double> warm = warmUp(ours, warmups);
            rows.add(fresh("(a) " + files + " x 4 KiB", rsync, ours, src, dstR, "a"));
            rows.add(fresh("(b) 2 x " + (large >> 20) + " MiB", rsync, ours, src, dstR, "b"));
            rows.add(fresh("(d) sparse, zstd 1", rsync, ours, src, dstR, "d"));
            Ours plain = new Ours(source, server.port(), src, dstO, streams, ring, psk, LiteralCompression.NONE);
            rows.add(measure("(d) sparse, no compr.", rsync, plain, src, dstR, "d", "dp", true));
            int touched = data.touchFiles(src.resolve("a"), 1);
            int blocks = data.touchBlocks(src.resolve("b"), (int) Math.floor(Math.sqrt(large)) & ~7, 1);
            System.err.println("== (c): " + touched + " files and " + blocks + " blocks changed");
            Row ca = measure("(c) incremental a", rsync, ours, src, dstR, "a", "a", false);
            Row cb = measure("(c) incremental b", rsync, ours, src, dstR, "b", "b", true);
            rows.add(ca);
            rows.add(cb);
            rows.add(new Row("(c) incremental a+b", new VolumeBenchRsync.Result(ca.rsync().seconds() + cb.rsync().seconds(),
                    ca.rsync().copySeconds() + cb.rsync().copySeconds(), ca.rsync().bytes() + cb.rsync().bytes()),
                    ca.ours() + cb.ours(), ca.oursBytes() + cb.oursBytes(), ca.oursWire() + cb.oursWire(),
                    ca.literal() + cb.literal(), ca.matched() + cb.matched()));
            print(rows, streams);
            if (!warm.isEmpty()) {
                System.out.printf("ours before the table, (a) data into scratch destinations (JIT warm-up): %s s;"
                        + " the first, a cold JVM (as a mover pod), is %.2fx rsync's (a)%n",
                        warm.stream().map(w -> String.format("%.2f", w)).toList(), rows.get(0).rsync().seconds() / warm.get(0));
            }
            verify(src, dstR, dstO);
            Process du = new ProcessBuilder("du", "-sB1", src.resolve("d").toString(), dstR.resolve("d").toString(),
                    dstO.resolve("d").toString(), dstO.resolve("dp").toString()).redirectErrorStream(true).start();
            System.out.print("(d) allocated bytes (du -sB1): source, rsync's, ours, ours without compression:\n"
                    + new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            du.waitFor();
        } finally {
            ctx.close();
        }
    }

    private record Ours(VolumeSource source, int port, Path src, Path dst, int streams, PskKeyRing ring, PskSettings psk,
                        LiteralCompression compression) {
        SourceReport sync(String data, String job) {
            SourceSettings s = SourceSettings.of(job, src.resolve(data), "127.0.0.1", port).withStreams(streams)
                    .withCompression(compression).withTransport(p -> PskPipeline.addClientHandlers(p, ring.first(), psk));
            return source.sync(s, SyncProgress.NONE);
        }
    }

    /** Our sessions into scratch destinations, timed; nothing is deleted afterwards (see fresh). */
    private static List<Double> warmUp(Ours ours, int sessions) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            flush();
            long t0 = System.nanoTime();
            SourceReport r = ours.sync("a", "warm" + i);
            seconds.add((System.nanoTime() - t0) / 1e9);
            if (!r.ok()) {
                throw new IllegalStateException("warm-up sync failed: " + r.error());
            }
        }
        System.err.println("== warm-up (ours, (a) data): " + seconds + " s");
        return seconds;
    }

    /** rsync first, then ours (or the other way round); each after a sync, so no writeback is inherited. */
    private static Row measure(String name, VolumeBenchRsync rsync, Ours ours, Path src, Path dstR, String data,
                               String job, boolean oursFirst) throws IOException, InterruptedException {
        System.err.println("== " + name + (oursFirst ? " (ours first)" : " (rsync first)"));
        SourceReport o = null;
        double seconds = 0;
        VolumeBenchRsync.Result r = null;
        for (int turn = 0; turn < 2; turn++) {
            boolean oursTurn = (turn == 0) == oursFirst;
            warm(src.resolve(data), (oursTurn ? ours.dst() : dstR).resolve(job));
            flush();
            if (oursTurn) {
                long t0 = System.nanoTime();
                o = ours.sync(data, job);
                seconds = (System.nanoTime() - t0) / 1e9;
                if (!o.ok()) {
                    throw new IllegalStateException("our sync failed: " + o.error());
                }
            } else {
                r = rsync.sync(src.resolve(data), job, dstR.resolve(job));
            }
        }
        return new Row(name, r, seconds, o.bytesSent() + o.bytesReceived(), o.wireBytesSent() + o.wireBytesReceived(),
                o.literalBytes(), o.matchedBytes());
    }

    /**
     * Two first syncs into empty destinations (job, then job + "2"), in both orders; each tool's
     * faster run counts (fewer outside disturbances). Nothing is deleted in between: right after
     * mass deletes, ext4 file creation gets several times slower for a while.
     */
    private static Row fresh(String name, VolumeBenchRsync rsync, Ours ours, Path src, Path dstR, String job)
            throws IOException, InterruptedException {
        Row first = measure(name, rsync, ours, src, dstR, job, job, false);
        Row second = measure(name, rsync, ours, src, dstR, job, job + "2", true);
        VolumeBenchRsync.Result r = first.rsync().seconds() <= second.rsync().seconds() ? first.rsync() : second.rsync();
        Row o = first.ours() <= second.ours() ? first : second;
        System.err.printf("   runs: rsync %.2f / %.2f s, ours %.2f / %.2f s%n", first.rsync().seconds(),
                second.rsync().seconds(), first.ours(), second.ours());
        return new Row(name, r, o.ours(), o.oursBytes(), o.oursWire(), o.literal(), o.matched());
    }

    /**
     * Reads the source and the tool's own destination into the page cache (not timed): each tool
     * then starts warm, whichever ran before it and whatever the other tool's reads evicted.
     */
    private static void warm(Path... roots) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
        for (Path root : roots) {
            try (var files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
                        while (ch.read(buf) > 0) {
                            buf.clear();
                        }
                    }
                }
            }
        }
    }

    private static void flush() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** Both destinations must equal the source (rsync's own dry-run checksum compare prints nothing). */
    private static void verify(Path src, Path dstR, Path dstO) throws IOException, InterruptedException {
        for (String job : List.of("a/", "b/", "d/")) {
            for (Path dst : List.of(dstR, dstO)) {
                check(src.resolve(job), dst.resolve(job));
            }
        }
        System.err.println("== verified: both destinations equal the source (rsync -aHn -i --checksum --delete)");
    }

    static void check(Path src, Path dst) throws IOException, InterruptedException {
        {
            Process p = new ProcessBuilder("rsync", "-aHn", "-i", "--checksum", "--delete", src + "/", dst + "/")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !out.isEmpty()) {
                throw new IllegalStateException(dst + " differs from the source:\n" + out);
            }
        }
    }

    private static void print(List<Row> rows, int streams) {
        System.out.printf("%nVolume replication vs rsync -aAhHSxz through stunnel (TLS 1.3 PSK), loopback, one run;"
                + " ours: %d streams, zstd 1, TLS 1.3 PSK%n", streams);
        System.out.printf("%-22s %10s %10s %10s %9s %14s %14s %14s %9s%n", "case", "rsync s", "(copy s)", "ours s",
                "speedup", "rsync bytes", "ours bytes", "ours TLS bytes", "bytes x");
        for (Row r : rows) {
            System.out.printf("%-22s %10.2f %10.2f %10.2f %8.2fx %14d %14d %14d %8.3fx%n", r.name(), r.rsync().seconds(),
                    r.rsync().copySeconds(), r.ours(), r.rsync().seconds() / r.ours(), r.rsync().bytes(), r.oursBytes(),
                    r.oursWire(), (double) r.oursBytes() / r.rsync().bytes());
        }
        System.out.println("rsync s: both VolSync passes (copy, delete) + sync -f; (copy s): the copy pass alone."
                + " speedup = rsync s / ours s. bytes: rsync --stats sent+received (before TLS) vs our protocol"
                + " bytes (before TLS); bytes x = ours / rsync.");
    }
}

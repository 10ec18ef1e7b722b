package io.replicator.bench;

import io.replicator.psk.PskKeyGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The COLD figure of bench/volume.sh, as a Clone/Snapshot mover pod runs: per round a fresh source
 * process (the README's run command, {@code --once JOB --from-path DIR}) into a destination that is
 * already warm (our service in its own process, warmed by earlier sessions), beside VolSync's data
 * path (a fresh rsync through the stunnel PSK pair, both passes and {@code sync -f}), each into its
 * own empty directory; the order alternates per round, the page cache holds the source for both,
 * dirty data is flushed before each. Ratio: ours / rsync (time), the target is at most 2.0x.
 *
 * <p>Usage: VolumeColdBench WORKDIR (-Dfiles=25000 -Dsize=3072 -Drounds=5 -Dwarmups=4); env
 * BENCH_OURS: how ours runs (default {@code java -jar target/camel-replicator.jar}).
 */
public final class VolumeColdBench {
    private VolumeColdBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]).resolve("cold"));
        int files = Integer.getInteger("files", 25_000);
        int size = Integer.getInteger("size", 3072);
        int rounds = Integer.getInteger("rounds", 5);
        int warmups = Integer.getInteger("warmups", 4);
        // several commands separated by '|' (e.g. two builds) run in turn every round; the destination runs the last
        List<List<String>> variants = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_OURS",
                "java -jar target/camel-replicator.jar").split("\\|")).map(c -> List.of(c.trim().split(" "))).toList();
        List<String> ours = variants.get(variants.size() - 1);
        Path src = work.resolve("src");
        Path dstO = work.resolve("dst-ours");
        Path dstR = work.resolve("dst-rsync");
        System.err.printf("== cold: %,d x %d B in %s%n", files, size, src);
        new VolumeBenchData().smallFiles(src, files, size);
        Path psk = work.resolve("psk.txt");
        Files.writeString(psk, PskKeyGenerator.generate("volsync") + "\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));

        List<String> jobs = new ArrayList<>();
        for (int i = 1; i <= warmups; i++) {
            jobs.add("warm" + i);
        }
        for (int r = 1; r <= rounds; r++) {
            for (int v = 1; v <= variants.size(); v++) {
                jobs.add("cold" + r + "-" + v);
            }
        }
        StringBuilder dstCfg = new StringBuilder("camel.management.port = " + freePort() + "\n");
        StringBuilder srcCfg = new StringBuilder();
        List<Integer> ports = new ArrayList<>();
        for (String job : jobs) {
            int port = freePort();
            ports.add(port);
            Files.createDirectories(dstO.resolve(job));
            Files.createDirectories(dstR.resolve(job));
            String d = "replicator.volume-destination." + job + ".";
            dstCfg.append(d).append("path = ").append(dstO.resolve(job)).append('\n').append(d).append("bind-address = 127.0.0.1\n")
                    .append(d).append("port = ").append(port).append('\n').append(d).append("key-file = ").append(psk).append('\n');
            String s = "replicator.volume-source." + job + ".";
            srcCfg.append(s).append("path = ").append(src).append('\n').append(s).append("address = 127.0.0.1\n")
                    .append(s).append("port = ").append(port).append('\n').append(s).append("key-file = ").append(psk).append('\n');
        }
        Path dstFile = Files.writeString(work.resolve("destination.properties"), dstCfg.toString());
        Path srcFile = Files.writeString(work.resolve("source.properties"), srcCfg.toString());

        List<String> serviceCmd = new ArrayList<>(ours);
        serviceCmd.addAll(List.of("--config", dstFile.toString()));
        Process service = new ProcessBuilder(serviceCmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("destination.log").toFile()).start();
        List<S3BenchTools.Run> warm = new ArrayList<>();
        List<List<S3BenchTools.Run>> oursRuns = new ArrayList<>();
        variants.forEach(v -> oursRuns.add(new ArrayList<>()));
        List<VolumeBenchRsync.Result> rsyncRuns = new ArrayList<>();
        try (VolumeBenchRsync rsync = new VolumeBenchRsync(Files.createDirectories(work.resolve("stunnel")), dstR, psk,
                freePort(), freePort())) {
            for (int port : ports) {
                awaitPort(port, service);
            }
            for (int i = 1; i <= warmups; i++) { // warms the destination service (and the page cache)
                warm.add(once(ours, srcFile, "warm" + i, src));
            }
            rsync.sync(src, "warm1", dstR.resolve("warm1"));
            System.err.println("== cold: destination warmed by " + warmups + " sessions, each from a fresh source: "
                    + seconds(warm) + " s");
            for (int r = 1; r <= rounds; r++) {
                boolean oursFirst = r % 2 == 1;
                for (boolean oursTurn : new boolean[] {oursFirst, !oursFirst}) {
                    readAll(src);
                    flush();
                    if (oursTurn) {
                        for (int v = 0; v < variants.size(); v++) {
                            if (v > 0) {
                                readAll(src);
                                flush();
                            }
                            oursRuns.get(v).add(once(variants.get(v), srcFile, "cold" + r + "-" + (v + 1), src));
                        }
                    } else {
                        rsyncRuns.add(rsync.sync(src, "cold" + r, dstR.resolve("cold" + r)));
                    }
                }
            }
            VolumeBench.check(src, dstO.resolve("cold" + rounds + "-" + variants.size()));
            VolumeBench.check(src, dstR.resolve("cold" + rounds));
        } finally {
            service.destroy();
            service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS); // it holds files on the mount volume.sh unmounts
        }
        double r = S3BenchTools.median(rsyncRuns.stream().map(VolumeBenchRsync.Result::seconds).toList());
        System.out.printf(Locale.ROOT, "%nCOLD (a mover pod): a fresh source process per sync (<command> --once JOB --from-path DIR)"
                + " into a warm destination service (%s), vs rsync -aAhHSxz through stunnel (TLS 1.3 PSK) + delete pass"
                + " + sync -f; %,d x %d B into empty directories; median of %d interleaved rounds%n",
                String.join(" ", ours), files, size, rounds);
        for (int v = 0; v < variants.size(); v++) {
            List<S3BenchTools.Run> runs = oursRuns.get(v);
            double o = S3BenchTools.median(runs.stream().map(S3BenchTools.Run::seconds).toList());
            System.out.printf(Locale.ROOT, "  ours %d %6.2f s  (rounds %s; peak RSS %.0f MiB, cpu %.2f s) = %.2fx rsync"
                    + " (target <= 2.0x): %s%n", v + 1, o, seconds(runs),
                    S3BenchTools.median(runs.stream().map(x -> x.maxRssKib() / 1024.0).toList()),
                    S3BenchTools.median(runs.stream().map(S3BenchTools.Run::cpuSeconds).toList()), o / r,
                    String.join(" ", variants.get(v)));
        }
        System.out.printf(Locale.ROOT, "  rsync  %6.2f s  (rounds %s)%n", r, String.join(" ", rsyncRuns.stream()
                .map(x -> String.format(Locale.ROOT, "%.2f", x.seconds())).toList()));
    }

    private static S3BenchTools.Run once(List<String> ours, Path cfg, String job, Path from) throws Exception {
        List<String> cmd = new ArrayList<>(ours);
        cmd.addAll(List.of("--config", cfg.toString(), "--once", job, "--from-path", from.toString()));
        S3BenchTools.Run run = S3BenchTools.timed(cmd, Map.of());
        if (run.exit() != 0) {
            throw new IllegalStateException("ours failed (exit " + run.exit() + "): " + run.output());
        }
        return run;
    }

    private static String seconds(List<S3BenchTools.Run> runs) {
        return String.join(" ", runs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x.seconds())).toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process service) throws Exception {
        for (int i = 0; i < 2400; i++) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the destination service exited (see destination.log)");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50); // polling another process's port: no event to wait on
            }
        }
        throw new IOException("the destination service did not listen on " + port + " within 2 minutes");
    }

    private static void readAll(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path f : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                Files.readAllBytes(f);
            }
        }
    }

    private static void flush() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }
}

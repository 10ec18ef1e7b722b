package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.volume.DestinationContext;
import io.replicator.volume.DestinationJob;
import io.replicator.volume.SessionMode;
import io.replicator.volume.SessionReport;
import io.replicator.volume.VolumeServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --once JOB --dry-run / --check for a volume-source job through the real main over TLS-PSK: the
 * mode reaches the destination, nothing is written, a check exits 3 on differences and 0 on none,
 * and max-delete / an empty source fail the run with nothing deleted.
 */
class VolumeOnceModesTest {
    @TempDir
    Path dir;

    @Test
    void dryRunAndCheckWriteNothingAndCheckExitsThreeOnDifferences() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "alpha");
        Files.writeString(src.resolve("old.txt"), "old");
        Path dst = Files.createDirectories(dir.resolve("dst"));
        Path key = Files.writeString(dir.resolve("psk.txt"), "site-a:" + "11".repeat(64) + "\n");
        List<SessionReport> reports = new CopyOnWriteArrayList<>();
        var ring = PskKeyFile.parse(key);
        try (DestinationContext ctx = new DestinationContext(List.of(DestinationJob.of("db", dst, "site-a")));
             VolumeServer server = new VolumeServer(new InetSocketAddress("127.0.0.1", 0), ctx,
                     ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, PskSettings.defaults()), reports::add)) {
            Path cfg = config(src, server.port(), key, "");
            assertThat(once(cfg)).isEqualTo(ExitCodes.OK);
            assertThat(once(cfg, "--check")).isEqualTo(ExitCodes.OK);

            Files.writeString(src.resolve("b.txt"), "beta");
            Files.delete(src.resolve("old.txt"));
            List<String> before = listing(dst);
            assertThat(once(cfg, "--dry-run")).isEqualTo(ExitCodes.OK);
            assertThat(once(cfg, "--check")).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(listing(dst)).isEqualTo(before);
            assertThat(dst.resolve("old.txt")).hasContent("old");
            ctx.awaitIdle(java.time.Duration.ofSeconds(30));
            assertThat(reports.subList(reports.size() - 2, reports.size())).extracting(SessionReport::mode)
                    .containsExactly(SessionMode.DRY_RUN, SessionMode.CHECK);

            // max-delete 0 on the source job: the delete is refused, so is the whole run
            Path guarded = config(src, server.port(), key, "replicator.volume-source.db.max-delete = 0\n");
            assertThat(once(guarded)).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(listing(dst)).isEqualTo(before);

            assertThat(once(cfg)).isEqualTo(ExitCodes.OK);
            assertThat(once(cfg, "--check")).isEqualTo(ExitCodes.OK);

            // an empty source fails unless allow-empty-source is set
            Files.delete(src.resolve("a.txt"));
            Files.delete(src.resolve("b.txt"));
            assertThat(once(cfg)).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(dst.resolve("a.txt")).exists();
            // the bucket-sync flag is refused for a volume job (usage error), never silently ignored
            assertThat(once(cfg, "--allow-empty-source")).isEqualTo(ExitCodes.USAGE);
            assertThat(dst.resolve("a.txt")).exists();
            Path allow = config(src, server.port(), key, "replicator.volume-source.db.allow-empty-source = true\n");
            assertThat(once(allow)).isEqualTo(ExitCodes.OK);
            assertThat(listing(dst)).isEmpty();
        }
    }

    private static List<String> listing(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> !p.equals(root)).forEach(p -> {
                try {
                    out.add(root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        out.sort(null);
        return out;
    }

    private Path config(Path source, int port, Path key, String extra) throws Exception {
        return Files.writeString(dir.resolve("c" + extra.hashCode() + ".properties"), String.join("\n",
                "replicator.volume-source.db.path = " + source,
                "replicator.volume-source.db.address = 127.0.0.1",
                "replicator.volume-source.db.port = " + port,
                "replicator.volume-source.db.key-file = " + key, extra));
    }

    private static int once(Path cfg, String... mode) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", cfg.toString(), "--once", "db"));
        args.addAll(List.of(mode));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code = ReplicatorMain.run(args.toArray(String[]::new), Map.of(),
                new PrintStream(sink, true, StandardCharsets.UTF_8), System.err);
        return code;
    }
}

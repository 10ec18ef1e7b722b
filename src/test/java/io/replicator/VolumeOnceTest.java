package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.volume.DestinationContext;
import io.replicator.volume.DestinationJob;
import io.replicator.volume.SessionReport;
import io.replicator.volume.VolumeServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --once for a volume-source job through the real main, against a TLS-PSK destination. */
class VolumeOnceTest {
    @TempDir
    Path dir;

    @Test
    void aVolumeSyncRunsOnceOverTlsPskAndAWrongKeyFails() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(src.resolve("a.txt"), "alpha");
        Path dst = Files.createDirectories(dir.resolve("dst"));
        Path key = Files.writeString(dir.resolve("psk.txt"), "site-a:" + "11".repeat(64) + "\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "site-a:" + "22".repeat(64) + "\n");
        List<SessionReport> reports = new CopyOnWriteArrayList<>();
        var ring = PskKeyFile.parse(key);
        try (DestinationContext ctx = new DestinationContext(List.of(DestinationJob.of("db", dst, "site-a")));
             VolumeServer server = new VolumeServer(new InetSocketAddress("127.0.0.1", 0), ctx,
                     ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, PskSettings.defaults()), reports::add)) {
            assertThat(once(config(src.getParent(), server.port(), key))).isEqualTo(ExitCodes.OK);
            assertThat(dst.resolve("sub/a.txt")).hasContent("alpha");

            Files.writeString(src.resolve("b.txt"), "beta");
            assertThat(once(config(src.getParent(), server.port(), wrong))).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(dst.resolve("sub/b.txt")).doesNotExist();
        }
    }

    @Test
    void duringAKeyRolloverTheDestinationAcceptsEveryIdentityOfItsKeyFile() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "alpha");
        Path dst = Files.createDirectories(dir.resolve("dst"));
        Path both = Files.writeString(dir.resolve("both.txt"),
                "old-id:" + "33".repeat(32) + "\n" + "new-id:" + "44".repeat(32) + "\n");
        Path newOnly = Files.writeString(dir.resolve("new.txt"), "new-id:" + "44".repeat(32) + "\n");
        var ring = PskKeyFile.parse(both);
        DestinationJob job = DestinationJob.of("db", dst, null).withIdentities(java.util.Set.copyOf(ring.identities()));
        try (DestinationContext ctx = new DestinationContext(List.of(job));
             VolumeServer server = new VolumeServer(new InetSocketAddress("127.0.0.1", 0), ctx,
                     ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, PskSettings.defaults()), r -> { })) {
            assertThat(once(config(src, server.port(), newOnly))).isEqualTo(ExitCodes.OK);
            assertThat(dst.resolve("a.txt")).hasContent("alpha");
        }
    }

    private Path config(Path source, int port, Path key) throws Exception {
        return Files.writeString(dir.resolve("c.properties"), String.join("\n",
                "replicator.volume-source.db.path = " + source,
                "replicator.volume-source.db.address = 127.0.0.1",
                "replicator.volume-source.db.port = " + port,
                "replicator.volume-source.db.key-file = " + key, ""));
    }

    private static int once(Path cfg) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return ReplicatorMain.run(new String[] {"--config", cfg.toString(), "--once", "db"}, Map.of(),
                new PrintStream(sink, true, StandardCharsets.UTF_8), System.err);
    }
}

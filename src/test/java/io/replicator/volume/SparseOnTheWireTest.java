package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.LiteralCompression;
import io.replicator.psk.PskKey;
import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyGenerator;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparse files stay sparse on the wire and on disk, with the application's default settings (no
 * compression), over TLS-PSK: a 256 MiB file holding 3 x 4 KiB of data, and a 100 KiB file (the
 * WHOLE_FILE path) that is mostly a hole.
 */
class SparseOnTheWireTest {
    @TempDir
    Path tmp;

    @Test
    void holesCrossAsAFewBytesAndStayHoles() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        NamesAreBytesTest.bash(src, String.join("\n", "set -e",
                "truncate -s 256M big.img",
                "for at in 0 30000 60000; do head -c 4096 /dev/urandom | dd of=big.img bs=4096 seek=$at conv=notrunc "
                        + "status=none; done",
                "truncate -s 100K small.img",
                "head -c 4096 /dev/urandom | dd of=small.img bs=4096 seek=3 conv=notrunc status=none"));
        String line = PskKeyGenerator.generate("alice");
        PskKeyRing ring = PskKeyFile.parse("test", line.getBytes(StandardCharsets.US_ASCII));
        PskKey key = ring.first();
        PskSettings psk = PskSettings.defaults();
        try (Harness h = new Harness(List.of(DestinationJob.of(Harness.JOB, dst, "alice")),
                ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, psk), Duration.ofSeconds(120))) {
            SourceSettings s = h.settings(src).withCompression(LiteralCompression.NONE)
                    .withTransport(p -> PskPipeline.addClientHandlers(p, key, psk));
            SourceReport r = h.sync(s);
            assertThat(r.error()).isNull();
            assertThat(r.result()).isEqualTo(SessionResult.OK);
            assertThat(r.filesSent()).isEqualTo(2);
            assertThat(r.bytesSent()).isLessThan(64 * 1024); // 16 KiB of data; before ZEROS: 256 MiB + 100 KiB
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(Rsync.allocatedBlocks(dst.resolve("big.img")) * 512).isLessThanOrEqualTo(64 * 1024);
            assertThat(Rsync.allocatedBlocks(dst.resolve("small.img")) * 512).isLessThanOrEqualTo(8192);
        }
    }
}

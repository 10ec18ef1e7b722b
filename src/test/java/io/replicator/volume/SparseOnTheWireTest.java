package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.LiteralCompression;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Harness h = Harness.overTlsPsk(dst)) {
            SourceSettings s = h.settings(src).withCompression(LiteralCompression.NONE);
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

package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination that cannot write a file (an immutable directory: even root gets EPERM) fails the
 * session with the destination's own reason on both sides, deletes nothing, and the next sync
 * completes once the cause is gone. Needs root and chattr (e2fsprogs): fails without them.
 */
class DestinationFailureTest {
    @TempDir
    Path tmp;

    private static void chattr(String flag, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("chattr " + flag + " " + dir + " failed (needs root on ext4-like fs): " + out);
        }
    }

    @Test
    void destinationErrorReachesTheSourceAndNothingIsDeleted() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(21);
        for (int i = 0; i < 50; i++) {
            gen.write(src.resolve("f" + i), 20_000);
        }
        Files.createDirectories(src.resolve("locked"));
        gen.write(src.resolve("locked/new.bin"), 300_000);
        Files.createDirectories(dst.resolve("locked"));
        gen.write(dst.resolve("extra-to-delete"), 10);
        chattr("+i", dst.resolve("locked"));
        try (Harness h = new Harness(dst)) {
            SourceReport r = h.sync(h.settings(src));
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("destination aborted the session").contains("Operation not permitted");
            SessionReport d = h.nextReport();
            assertThat(d.result()).isEqualTo(SessionResult.FAILED);
            assertThat(d.error()).contains("Operation not permitted");
            h.awaitIdle();
            assertThat(dst.resolve("extra-to-delete")).exists();

            chattr("-i", dst.resolve("locked"));
            SourceReport again = h.sync(h.settings(src));
            assertThat(again.result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
        } finally {
            chattr("-i", dst.resolve("locked"));
        }
    }
}

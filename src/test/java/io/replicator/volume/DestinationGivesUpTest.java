package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the destination gives up (disk full, read-only filesystem), its reason reaches the source's
 * report over TLS-PSK, not just "connection closed". The destination is a small tmpfs; needs root
 * (mount): fails without it.
 */
class DestinationGivesUpTest {
    @TempDir
    Path tmp;
    private Path mounted;

    private Path tmpfs(String name, String size) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        mounted = dir;
        return dir;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (needs root): " + out);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void diskFullReachesTheSource() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        TreeGenerator gen = new TreeGenerator(81);
        for (int i = 0; i < 40; i++) {
            gen.write(src.resolve("f" + i), 200_000);
        }
        gen.write(src.resolve("large.bin"), 4 << 20);
        Path dst = tmpfs("dst", "2m");
        try (Harness h = Harness.overTlsPsk(dst)) {
            SourceReport r = h.sync(h.settings(src));
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("destination aborted the session").contains("No space left on device");
            SessionReport d = h.nextReport();
            assertThat(d.result()).isEqualTo(SessionResult.FAILED);
            assertThat(d.error()).contains("No space left on device");
        }
    }

    @Test
    void readOnlyDestinationReachesTheSource() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        new TreeGenerator(82).build(src);
        Path dst = tmpfs("dst", "64m");
        try (Harness h = Harness.overTlsPsk(dst)) {
            assertThat(h.sync(h.settings(src)).error()).isNull();
            h.nextReport();
            h.awaitIdle();
            new TreeGenerator(83).write(src.resolve("f6.bin"), 3 << 20);
            Files.createDirectories(src.resolve("new-dir"));
            run("mount", "-o", "remount,ro", dst.toString());
            Map<String, String> before = TreeSnapshot.of(dst);
            SourceReport r = h.sync(h.settings(src));
            assertThat(r.result()).isIn(SessionResult.FAILED, SessionResult.REFUSED);
            assertThat(r.error()).contains("Read-only file system");
            assertThat(h.nextReport().error()).contains("Read-only file system");
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }

}

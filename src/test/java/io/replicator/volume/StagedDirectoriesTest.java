package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.LiteralCompression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New directories are built under a temporary name and renamed into place at commit: nothing of
 * them is visible under a real name before the commit, a cut session leaves only the temporary,
 * and everything inside (files written in place, large files, symlinks, hardlinks, read-only
 * directories) ends up equal to the source.
 */
class StagedDirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void pathsResolveInsideTheirStagedAncestorUntilPublished() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("old"));
        StagedDirectories staged = new StagedDirectories(root);

        Path temp = staged.stage("old/new");
        Files.createDirectory(staged.resolve("old/new/sub"));
        Files.writeString(staged.resolve("old/new/sub/f"), "x");

        assertThat(temp.getParent()).isEqualTo(root.resolve("old"));
        assertThat(TempNames.isTemp(temp.getFileName().toString())).isTrue();
        assertThat(staged.contains("old/new")).isTrue();
        assertThat(staged.contains("old/new/sub/f")).isTrue();
        assertThat(staged.contains("old")).isFalse();
        assertThat(staged.contains("old/newer")).as("a name that only starts the same").isFalse();
        assertThat(staged.resolve("old/new/sub/f")).isEqualTo(temp.resolve("sub/f"));
        assertThat(root.resolve("old/new")).doesNotExist();

        staged.publish(DiskSync.REAL);

        assertThat(root.resolve("old/new/sub/f")).hasContent("x");
        assertThat(temp).doesNotExist();
        assertThat(staged.contains("old/new/sub/f")).isFalse();
        assertThat(staged.resolve("old/new/sub/f")).isEqualTo(root.resolve("old/new/sub/f"));
    }

    @Test
    void aFirstSyncOfNewDirectoriesEqualsTheSource() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(7);
        for (int i = 0; i < 30; i++) {
            write(gen, src.resolve("new/d" + (i % 3) + "/small-" + i), 100 + i * 50);
        }
        write(gen, src.resolve("new/d0/large.bin"), 3 << 20);          // delta path, its own temporary
        write(gen, src.resolve("new/zeros"), 0);
        Files.createDirectories(src.resolve("new/empty/deeper"));
        Files.createSymbolicLink(src.resolve("new/d1/link"), Path.of("../d0/small-0"));
        Files.createLink(src.resolve("new/d2/hard"), src.resolve("new/d0/small-3"));
        Files.createDirectories(src.resolve("ro"));
        write(gen, src.resolve("ro/inside"), 500);
        Files.setPosixFilePermissions(src.resolve("ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try (Harness h = new Harness(dst)) {
            assertThat(h.sync(h.settings(src).withStreams(3)).result()).isEqualTo(SessionResult.OK);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
        } finally {
            Files.setPosixFilePermissions(src.resolve("ro"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(dst.resolve("ro"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Rsync.differences(src, dst)).isEmpty();
        assertThat(Files.isSameFile(dst.resolve("new/d2/hard"), dst.resolve("new/d0/small-3"))).isTrue();
        assertThat(temporaries(dst)).isEmpty();
    }

    @Test
    void aCutSessionShowsNothingOfItsNewDirectoriesAndTheNextOneCompletes() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(11);
        for (int i = 0; i < 40; i++) {
            write(gen, src.resolve("fresh/sub/file-" + i), 100_000);
        }
        try (Harness h = new Harness(dst)) {
            try (CuttingProxy proxy = new CuttingProxy(h.server.port(), 1_500_000)) {
                SourceSettings viaProxy = SourceSettings.of(Harness.JOB, src, "127.0.0.1", proxy.port())
                        .withStreams(2).withCompression(LiteralCompression.NONE)
                        .withIoTimeout(java.time.Duration.ofSeconds(60));
                assertThat(h.sync(viaProxy).result()).isEqualTo(SessionResult.FAILED);
                assertThat(proxy.cut()).isTrue();
                assertThat(h.nextReport().result()).isEqualTo(SessionResult.FAILED);
                h.awaitIdle();
            }
            assertThat(dst.resolve("fresh")).as("not published by a failed session").doesNotExist();
            assertThat(temporaries(dst)).as("the staged directory with what arrived").hasSize(1);

            assertThat(h.sync(h.settings(src)).result()).isEqualTo(SessionResult.OK);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
        }
        assertThat(Rsync.differences(src, dst)).isEmpty();
        assertThat(temporaries(dst)).as("the stale staged directory was deleted at commit").isEmpty();
    }

    private static void write(TreeGenerator gen, Path file, int size) throws Exception {
        Files.createDirectories(file.getParent());
        gen.write(file, size);
    }

    private static java.util.List<Path> temporaries(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> TempNames.isTemp(p.getFileName().toString())).toList();
        }
    }
}

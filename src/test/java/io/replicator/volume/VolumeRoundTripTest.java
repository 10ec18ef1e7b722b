package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void generatedTreeRoundTripsThenSendsOnlyDeltasAndDeletes() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(1);
        gen.build(src);
        try (Harness h = new Harness(dst)) {
            SourceReport first = h.sync(h.settings(src));
            assertThat(first.error()).isNull();
            assertThat(first.result()).isEqualTo(SessionResult.OK);
            SessionReport d1 = h.nextReport();
            assertThat(d1.result()).isEqualTo(SessionResult.OK);
            assertThat(d1.filesWritten()).isEqualTo(first.filesSent()).isGreaterThan(15);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(Files.exists(dst.resolve("lost+found"))).isFalse();
            assertThat(Rsync.allocatedBlocks(dst.resolve("sparse.img")) * 512).isLessThan(1 << 20);
            assertThat(Rsync.allocatedBlocks(dst.resolve("small-sparse.bin")) * 512).isLessThanOrEqualTo(8192);
            assertThat(Files.isSameFile(dst.resolve("a/hl-1"), dst.resolve("hl-3"))).isTrue();
            assertThat(Files.readSymbolicLink(dst.resolve("a/abs-link"))).isEqualTo(Path.of("/etc/hostname"));

            // edits: a few bytes in the middle of the 5 MiB file, an append, deletes, a new file, a mode
            gen.patch(src.resolve("a/large.bin"), 2_500_000, 100);
            Files.write(src.resolve("f6.bin"), new byte[]{1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            Files.delete(src.resolve("f7.bin"));
            deleteTree(src.resolve("a/b/c"));
            gen.write(src.resolve("new.bin"), 1000);
            Files.setAttribute(src.resolve("f0.bin"), "unix:mode", 0604);
            Files.delete(src.resolve("rel-link"));
            Files.createSymbolicLink(src.resolve("rel-link"), Path.of("f8.bin"));

            SourceReport second = h.sync(h.settings(src));
            assertThat(second.result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(second.filesSent()).isEqualTo(3);
            assertThat(second.filesDeleted()).isEqualTo(4); // f7.bin, c, d, deep.txt
            assertThat(second.matchedBytes()).isGreaterThan(5_000_000);
            assertThat(second.literalBytes()).isLessThan(120_000);
            assertThat(second.bytesSent()).isLessThan(500_000); // vs 5 MiB + 65 KiB of changed files
            SessionReport d2 = h.nextReport();
            assertThat(d2.filesDeleted()).isEqualTo(4);
            assertThat(d2.matchedBytes()).isEqualTo(second.matchedBytes());

            SourceReport third = h.sync(h.settings(src));
            assertThat(third.result()).isEqualTo(SessionResult.OK);
            assertThat(third.filesSent()).isZero();
            assertThat(third.filesDeleted()).isZero();
            assertThat(Rsync.differences(src, dst)).isEmpty();
            try (Stream<Path> all = Files.walk(dst)) {
                assertThat(all.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
            }
        }
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        TreeDeleter.delete(p);
    }
}

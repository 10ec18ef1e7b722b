package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source file written while it is read is never committed as a clean copy (over TLS-PSK). The
 * writes happen in the source's read hook, between the read and the check, so the test does not
 * depend on timing. Files start with an old mtime so a same-size write always changes it.
 */
class TornFileTest {
    private static final FileTime OLD = FileTime.fromMillis(946_684_800_000L);

    @TempDir
    Path tmp;

    private static void overwrite(Path f, long at, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(at);
            byte[] b = new byte[n];
            new java.util.Random(at).nextBytes(b);
            raf.write(b);
        }
    }

    @Test
    void aSmallFileWrittenDuringItsReadIsReadAgain() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Path f = src.resolve("small.txt");
        new TreeGenerator(71).write(f, 50_000);
        Files.setLastModifiedTime(f, OLD);
        Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        try (Harness h = Harness.overTlsPsk(dst)) {
            h.source.onFileRead(path -> {
                if (reads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet() == 1) {
                    overwrite(f, 1000, 100); // the first read is torn
                }
            });
            SourceReport r = h.sync(h.settings(src));
            assertThat(r.error()).isNull();
            assertThat(r.changedWhileRead()).isEmpty();
            assertThat(reads.get("small.txt").get()).isEqualTo(2);
            assertThat(Files.mismatch(f, dst.resolve("small.txt"))).isEqualTo(-1);
        }
    }

    @Test
    void aLargeFileWrittenDuringItsReadIsNotCommittedNeitherWholeNorAsADelta() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Path big = src.resolve("big.bin");
        TreeGenerator gen = new TreeGenerator(72);
        gen.write(big, 6 << 20);
        gen.write(src.resolve("other.bin"), 300_000);
        Files.setLastModifiedTime(big, OLD);
        try (Harness h = Harness.overTlsPsk(dst)) {
            // first sync (whole file): written at 1 MiB while read, every time
            h.source.onFileRead(path -> {
                if (path.equals("big.bin")) {
                    overwrite(big, 1 << 20, 4096);
                }
            });
            SourceReport torn = h.sync(h.settings(src));
            assertThat(torn.result()).isEqualTo(SessionResult.OK); // the session committed the rest
            assertThat(torn.changedWhileRead()).containsExactly("big.bin");
            assertThat(torn.filesSkipped()).isEqualTo(1);
            assertThat(dst.resolve("big.bin")).doesNotExist();
            assertThat(Files.mismatch(src.resolve("other.bin"), dst.resolve("other.bin"))).isEqualTo(-1);

            // a clean sync, then a change at 5 MiB and a write at 1 MiB during the delta's read
            h.source.onFileRead(ReadStability.Hook.NONE);
            Files.setLastModifiedTime(big, OLD);
            assertThat(h.sync(h.settings(src)).changedWhileRead()).isEmpty();
            assertThat(Rsync.differences(src, dst)).isEmpty();
            byte[] committed = Files.readAllBytes(dst.resolve("big.bin"));
            overwrite(big, 5 << 20, 4096);
            Files.setLastModifiedTime(big, FileTime.fromMillis(OLD.toMillis() + 1000));
            h.source.onFileRead(path -> overwrite(big, 1 << 20, 4096));
            SourceReport delta = h.sync(h.settings(src));
            assertThat(delta.changedWhileRead()).containsExactly("big.bin");
            assertThat(Files.readAllBytes(dst.resolve("big.bin"))).isEqualTo(committed); // the old copy, not a torn one
        }
    }
}

package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.LiteralCompression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cut in the middle by the network leaves the destination consistent: every file under
 * its real name has either its old or its new content, nothing was deleted, and the next sync
 * completes (and removes the stale temporaries).
 */
class InterruptedSessionTest {
    @TempDir
    Path tmp;

    /**
     * With FSYNC, files verified before the cut are kept (each was forced to disk before its
     * rename); with SYNCFS no file had been renamed (renames wait for the commit's syncfs).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CommitSync.class)
    void cutSessionLeavesOldOrNewContentAndTheNextSyncCompletes(CommitSync commitSync) throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(3);
        Files.createDirectories(src.resolve("old-dir"));
        for (int i = 0; i < 40; i++) {
            gen.write(src.resolve("file-" + i), 200_000);
        }
        gen.write(src.resolve("old-dir/doomed"), 5000);
        try (Harness h = new Harness(List.of(DestinationJob.of(Harness.JOB, dst, null).withCommitSync(commitSync)),
                ch -> { }, Duration.ofSeconds(60))) {
            SourceSettings direct = h.settings(src).withCompression(LiteralCompression.NONE).withStreams(2);
            assertThat(h.sync(direct).result()).isEqualTo(SessionResult.OK);
            h.nextReport();
            Map<String, String> v1 = hashes(dst);

            for (int i = 0; i < 40; i += 2) {
                gen.write(src.resolve("file-" + i), 200_000); // rewritten: all literal
            }
            Files.delete(src.resolve("file-1"));
            TreeDeleter.delete(src.resolve("old-dir"));
            gen.write(src.resolve("brand-new"), 300_000);
            Map<String, String> v2 = hashes(src);

            try (CuttingProxy proxy = new CuttingProxy(h.server.port(), 2_000_000)) {
                SourceSettings viaProxy = SourceSettings.of(Harness.JOB, src, "127.0.0.1", proxy.port())
                        .withStreams(2).withCompression(LiteralCompression.NONE).withIoTimeout(direct.ioTimeout());
                SourceReport cut = h.sync(viaProxy);
                assertThat(proxy.cut()).isTrue();
                assertThat(cut.result()).isEqualTo(SessionResult.FAILED);
                assertThat(cut.error()).isNotNull();
                SessionReport d = h.nextReport();
                assertThat(d.result()).isEqualTo(SessionResult.FAILED);
                h.awaitIdle();
            }
            int updated = 0;
            for (Map.Entry<String, String> e : hashes(dst).entrySet()) {
                String name = Path.of(e.getKey()).getFileName().toString();
                if (TempNames.isTemp(name)) {
                    continue; // hidden temporaries of the cut session, never under a real name
                }
                assertThat(e.getValue()).as(e.getKey()).isIn(v1.get(e.getKey()), v2.get(e.getKey()));
                if (!e.getValue().equals(v1.get(e.getKey()))) {
                    updated++;
                }
            }
            if (commitSync == CommitSync.FSYNC) {
                assertThat(updated).as("files already updated when the cut came").isPositive();
            } else {
                assertThat(updated).as("files under their real names before the commit").isZero();
            }
            assertThat(dst.resolve("file-1")).exists();           // nothing deleted
            assertThat(dst.resolve("old-dir/doomed")).exists();

            assertThat(h.sync(direct).result()).isEqualTo(SessionResult.OK);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            try (Stream<Path> all = Files.walk(dst)) {
                assertThat(all.filter(p -> TempNames.isTemp(p.getFileName().toString()))).isEmpty();
            }
        }
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(root.relativize(p).toString(), HexFormat.of().formatHex(FileHashes.sha256(p)));
                }
            }
        }
        return m;
    }
}

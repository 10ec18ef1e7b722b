package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan run ahead of the session: same entries in the same order, and its failures reach the session. */
class ScanAheadTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static SourceScanner scanner(Path root) {
        return new SourceScanner(root, new Excludes(List.of()), ChecksumMode.QUICK, XattrMode.OFF);
    }

    @Test
    void givesTheScannersEntriesInItsOrderThenNull() throws Exception {
        Path src = tmp.resolve("src");
        new TreeGenerator(7).build(src);
        List<String> direct = new ArrayList<>();
        scanner(src).scan(e -> direct.add(e.path()));

        List<String> ahead = new ArrayList<>();
        try (ScanAhead scan = new ScanAhead(pool, scanner(src))) {
            for (FileEntry e = scan.next(); e != null; e = scan.next()) {
                ahead.add(e.path());
            }
            assertThat(scan.next()).as("after the end").isNull();
        }
        assertThat(direct).hasSizeGreaterThan(5);
        assertThat(ahead).containsExactlyElementsOf(direct);
    }

    @Test
    void aScanThatFailsThrowsItsErrorToTheSession() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        try (ScanAhead scan = new ScanAhead(pool, scanner(notADir))) {
            assertThatThrownBy(scan::next).isInstanceOf(IOException.class).hasMessageContaining("is not a directory");
            assertThatThrownBy(scan::next).as("again").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aSyncWhoseScanFailsFailsWithTheScansReasonAndWritesNothing() throws Exception {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Files.writeString(dst.resolve("kept.txt"), "kept");
        Path notADir = Files.writeString(tmp.resolve("src"), "x");
        try (Harness h = Harness.overTlsPsk(dst)) {
            SourceReport r = h.sync(h.settings(notADir));
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("is not a directory");
            assertThat(h.nextReport().result()).isNotEqualTo(SessionResult.OK);
        }
        try (var files = Files.list(dst)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("kept.txt");
        }
    }
}

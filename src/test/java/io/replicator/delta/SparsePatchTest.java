package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zero runs (literal or copied) become holes in the patched file. Runs on /tmp (ext4 here, which
 * supports holes) and measures allocation with stat(1), since Java has no allocated-size attribute.
 */
class SparsePatchTest {
    private static final int ZERO_RUN = 8 << 20;
    private Path dir;

    @BeforeEach
    void createDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "delta-sparse");
    }

    @AfterEach
    void deleteDir() throws IOException {
        DeltaRoundTrip.deleteTree(dir);
    }

    private static byte[] withZeroRun(byte[] head, byte[] tail) {
        byte[] b = new byte[head.length + ZERO_RUN + tail.length];
        System.arraycopy(head, 0, b, 0, head.length);
        System.arraycopy(tail, 0, b, head.length + ZERO_RUN, tail.length);
        return b;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Bytes allocated on disk, from stat's %b (blocks) and %B (bytes per block). */
    private static long allocatedBytes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("stat output: %s", out).isZero();
        String[] parts = out.split(" ");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }

    private PatchResult patch(byte[] basis, byte[] target) throws IOException {
        Signature sig = DeltaRoundTrip.sign(basis, SignatureSpec.forLength(basis.length));
        byte[] delta = DeltaRoundTrip.delta(sig, target, LiteralCompression.NONE).encoded();
        Path basisFile = Files.write(dir.resolve("basis"), basis);
        try (FileChannel ch = FileChannel.open(basisFile, StandardOpenOption.READ)) {
            return new DeltaPatcher(Durability.FSYNC).patch(ch, new java.io.ByteArrayInputStream(delta),
                    dir.resolve("target"));
        }
    }

    @Test
    void literalZeroRunBecomesAHole() throws Exception {
        byte[] basis = random(300_000, 1);
        byte[] target = withZeroRun(random(70_001, 2), random(50_003, 3));

        PatchResult result = patch(basis, target);

        assertThat(Files.readAllBytes(result.tempFile())).isEqualTo(target);
        assertThat(allocatedBytes(result.tempFile())).isLessThan(target.length - ZERO_RUN + 64 * 1024);
    }

    @Test
    void copiedZeroRunAndTrailingZerosStaySparse() throws Exception {
        byte[] head = random(100_000, 4);
        byte[] basis = withZeroRun(head, new byte[0]); // ends in zeros: final length comes from setLength
        byte[] target = basis.clone();
        target[10] ^= 1;

        PatchResult result = patch(basis, target);

        assertThat(Files.size(result.tempFile())).isEqualTo(target.length);
        assertThat(Files.readAllBytes(result.tempFile())).isEqualTo(target);
        assertThat(allocatedBytes(result.tempFile())).isLessThan(head.length + 64 * 1024);
    }
}

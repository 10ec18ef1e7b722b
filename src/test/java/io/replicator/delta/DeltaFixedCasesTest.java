package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of a few MiB with rsync's default block size: the figures a replication run relies on. */
class DeltaFixedCasesTest {
    private static final int SIZE = 4 * 1024 * 1024 + 123; // not a multiple of the block size

    @TempDir
    Path dir;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void identicalFileIsOneCopyAndNoLiteral() throws IOException {
        byte[] basis = random(SIZE, 1);
        SignatureSpec spec = SignatureSpec.forLength(basis.length);

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, basis, spec, LiteralCompression.NONE);

        assertThat(spec.blockSize()).isEqualTo(2048); // floor(sqrt(4 MiB + 123)) rounded down to 8
        assertThat(out.patched()).isEqualTo(basis);
        assertThat(out.stats().literalBytes()).isZero();
        assertThat(out.stats().copyOps()).isEqualTo(1);
        // header 26 + one COPY 9 + END 1 + sha 32 + crc 4
        assertThat(out.encodedDelta()).hasSize(72);
    }

    @Test
    void oneChangedByteCostsOneBlockOfLiteral() throws IOException {
        byte[] basis = random(SIZE, 2);
        byte[] target = basis.clone();
        target[SIZE / 2] ^= 0x55;
        SignatureSpec spec = SignatureSpec.forLength(basis.length);

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, spec, LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().literalBytes()).isEqualTo(spec.blockSize());
        assertThat(out.stats().copyOps()).isEqualTo(2);
    }

    @Test
    void insertionAtStartResynchronises() throws IOException {
        byte[] basis = random(SIZE, 3);
        byte[] inserted = random(100_000, 4);
        byte[] target = new byte[inserted.length + basis.length];
        System.arraycopy(inserted, 0, target, 0, inserted.length);
        System.arraycopy(basis, 0, target, inserted.length, basis.length);

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, SignatureSpec.forLength(SIZE),
                LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().literalBytes()).isEqualTo(inserted.length);
        assertThat(out.stats().matchedBytes()).isEqualTo(basis.length); // short last block included
    }

    @Test
    void appendAndTruncateMatchEverythingThatRemains() throws IOException {
        byte[] basis = random(SIZE, 5);
        byte[] appended = Arrays.copyOf(basis, SIZE + 70_000);
        System.arraycopy(random(70_000, 6), 0, appended, SIZE, 70_000);
        byte[] truncated = Arrays.copyOf(basis, SIZE / 2);
        SignatureSpec spec = SignatureSpec.forLength(SIZE);

        DeltaRoundTrip.Outcome grown = DeltaRoundTrip.run(dir, basis, appended, spec, LiteralCompression.NONE);
        DeltaRoundTrip.Outcome shrunk = DeltaRoundTrip.run(dir, basis, truncated, spec, LiteralCompression.NONE);

        assertThat(grown.patched()).isEqualTo(appended);
        // The basis' short last block only matches at the very end of a target, so it is re-sent here.
        int shortBlock = SIZE % spec.blockSize();
        assertThat(grown.stats().literalBytes()).isEqualTo(70_000 + shortBlock);
        assertThat(shrunk.patched()).isEqualTo(truncated);
        assertThat(shrunk.stats().literalBytes()).isEqualTo((SIZE / 2) % spec.blockSize());
    }

    @Test
    void movedAndRepeatedBlocksAreCopiedNotResent() throws IOException {
        int b = SignatureSpec.forLength(SIZE).blockSize();
        byte[] basis = random(SIZE, 7);
        // target: second half, then first half, then block 10 three more times
        byte[] target = new byte[SIZE + 3 * b];
        int half = (SIZE / 2 / b) * b;
        System.arraycopy(basis, half, target, 0, SIZE - half);
        System.arraycopy(basis, 0, target, SIZE - half, half);
        for (int i = 0; i < 3; i++) {
            System.arraycopy(basis, 10 * b, target, SIZE + i * b, b);
        }

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, SignatureSpec.forLength(SIZE),
                LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        // Only the basis' short last block, now in the middle, cannot be matched.
        assertThat(out.stats().literalBytes()).isEqualTo(SIZE % b);
    }

    @Test
    void unrelatedFileIsAllLiteralInChunksOfAtMost64KiB() throws IOException {
        byte[] basis = random(SIZE, 8);
        byte[] target = random(SIZE, 9);

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, SignatureSpec.forLength(SIZE),
                LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().matchedBytes()).isZero();
        assertThat(out.stats().literalOps()).isEqualTo((SIZE + 65535) / 65536);
    }

    @Test
    void zstdShrinksCompressibleLiteralsAndRoundTrips() throws IOException {
        byte[] basis = random(SIZE, 10);
        byte[] target = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            target[i] = (byte) ("log line " + (i / 40) + "\n").charAt(i % 10);
        }
        SignatureSpec spec = SignatureSpec.forLength(SIZE);

        DeltaRoundTrip.Outcome plain = DeltaRoundTrip.run(dir, basis, target, spec, LiteralCompression.NONE);
        DeltaRoundTrip.Outcome packed = DeltaRoundTrip.run(dir, basis, target, spec, LiteralCompression.zstd(3));

        assertThat(packed.patched()).isEqualTo(target);
        assertThat(plain.encodedDelta().length).isGreaterThan(SIZE);
        assertThat(packed.encodedDelta().length).isLessThan(SIZE / 20);
        assertThat(packed.encodedDelta()[5] & DeltaFormat.FLAG_ZSTD_LITERALS).isEqualTo(1);
        assertThat(plain.encodedDelta()[5]).isZero();
    }

    @Test
    void emptyFilesInEveryDirection() throws IOException {
        byte[] some = random(5000, 11);
        byte[] empty = new byte[0];
        SignatureSpec spec = SignatureSpec.forLength(0);

        assertThat(DeltaRoundTrip.run(dir, empty, empty, spec, LiteralCompression.NONE).patched()).isEmpty();
        assertThat(DeltaRoundTrip.run(dir, empty, some, spec, LiteralCompression.NONE).patched()).isEqualTo(some);
        assertThat(DeltaRoundTrip.run(dir, some, empty, SignatureSpec.forLength(5000), LiteralCompression.NONE)
                .patched()).isEmpty();
    }
}

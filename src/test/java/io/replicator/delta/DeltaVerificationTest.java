package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delta applied to another basis than the one signed is refused, and leaves nothing behind. */
class DeltaVerificationTest {
    @TempDir
    Path dir;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private PatchResult patchOnto(byte[] otherBasis, byte[] encodedDelta, Path target) throws IOException {
        Path basisFile = dir.resolve("basis");
        Files.write(basisFile, otherBasis);
        try (FileChannel ch = FileChannel.open(basisFile, StandardOpenOption.READ)) {
            return new DeltaPatcher(Durability.NONE).patch(ch, new ByteArrayInputStream(encodedDelta), target);
        }
    }

    @Test
    void sameLengthDifferentContentFailsOnSha256AndNamesTheFile() throws IOException {
        byte[] signed = random(200_000, 1);
        byte[] target = signed.clone();
        target[100] ^= 1;
        byte[] other = signed.clone();
        other[150_000] ^= 1; // a block the delta copies
        byte[] delta = DeltaRoundTrip.delta(DeltaRoundTrip.sign(signed, SignatureSpec.forLength(signed.length)),
                target, LiteralCompression.NONE).encoded();
        Path targetFile = dir.resolve("volume-data.db");

        assertThatThrownBy(() -> patchOnto(other, delta, targetFile))
                .isInstanceOf(DeltaVerificationException.class)
                .hasMessageContaining(targetFile.toString())
                .hasMessageContaining("SHA-256")
                .hasMessageContaining("must be resent whole")
                .extracting(e -> ((DeltaVerificationException) e).file()).isEqualTo(targetFile);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("basis");
        }
    }

    @Test
    void differentLengthBasisFailsBeforeWriting() throws IOException {
        byte[] signed = random(50_000, 2);
        byte[] delta = DeltaRoundTrip.delta(DeltaRoundTrip.sign(signed, SignatureSpec.forLength(signed.length)),
                signed, LiteralCompression.NONE).encoded();
        Path targetFile = dir.resolve("f");

        assertThatThrownBy(() -> patchOnto(random(50_001, 2), delta, targetFile))
                .isInstanceOf(DeltaVerificationException.class)
                .hasMessageContaining(targetFile.toString())
                .hasMessageContaining("50001")
                .hasMessageContaining("must be resent whole");
    }

    @Test
    void tempFileIsInTheTargetDirectoryAndTheTargetIsUntouchedUntilMoved() throws IOException {
        byte[] basis = random(30_000, 3);
        byte[] target = random(40_000, 4);
        byte[] delta = DeltaRoundTrip.delta(DeltaRoundTrip.sign(basis, SignatureSpec.forLength(basis.length)),
                target, LiteralCompression.NONE).encoded();
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path targetFile = sub.resolve("file.bin");
        Files.write(targetFile, basis);

        PatchResult result = patchOnto(basis, delta, targetFile);

        assertThat(result.tempFile().getParent()).isEqualTo(sub);
        assertThat(Files.readAllBytes(targetFile)).isEqualTo(basis);
        result.moveIntoPlace();
        assertThat(Files.readAllBytes(targetFile)).isEqualTo(target);
        assertThat(result.length()).isEqualTo(target.length);
        try (var files = Files.list(sub)) {
            assertThat(files).containsExactly(targetFile);
        }
    }

    @Test
    void opsCanBeFedOneByOneFromAnotherTransport() throws IOException {
        byte[] basis = random(10_000, 5);
        byte[] target = basis.clone();
        target[9_999] = 7;
        Signature sig = DeltaRoundTrip.sign(basis, SignatureSpec.forLength(basis.length));
        Path basisFile = Files.write(dir.resolve("basis"), basis);

        try (FileChannel ch = FileChannel.open(basisFile, StandardOpenOption.READ);
                PatchSession session = new DeltaPatcher(Durability.FSYNC).open(ch, dir.resolve("t"))) {
            new DeltaEncoder(sig).encode(new ByteArrayInputStream(target), target.length, session);
            assertThat(Files.readAllBytes(session.result().tempFile())).isEqualTo(target);
        }
    }

    @Test
    void createBuildsAFileWithoutBasis() throws IOException {
        byte[] target = random(100_000, 6);
        Signature empty = SignatureBuilder.empty();
        byte[] delta = DeltaRoundTrip.delta(empty, target, LiteralCompression.zstd(1)).encoded();

        PatchResult result = new DeltaPatcher(Durability.NONE).create(new ByteArrayInputStream(delta),
                dir.resolve("new"));

        assertThat(Files.readAllBytes(result.tempFile())).isEqualTo(target);
    }
}

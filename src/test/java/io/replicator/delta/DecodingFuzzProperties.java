package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Truncated, bit-flipped and field-overwritten encodings are always refused with a
 * DeltaFormatException (or, for deltas, a DeltaVerificationException); none decodes silently.
 */
class DecodingFuzzProperties {
    private static Path dir;
    private static final byte[] BASIS = random(20_000, 1);
    private static final byte[] TARGET = edited();
    private static byte[] signature;
    private static byte[] delta;
    private static byte[] zstdDelta;

    @BeforeContainer
    static void encode() throws IOException {
        dir = Files.createTempDirectory("delta-fuzz");
        Signature sig = DeltaRoundTrip.sign(BASIS, new SignatureSpec(512, 12, 42));
        signature = DeltaRoundTrip.encodeSignature(sig);
        delta = DeltaRoundTrip.delta(sig, TARGET, LiteralCompression.NONE).encoded();
        zstdDelta = DeltaRoundTrip.delta(sig, TARGET, LiteralCompression.zstd(3)).encoded();
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        DeltaRoundTrip.deleteTree(dir);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] edited() {
        byte[] t = Arrays.copyOf(BASIS, 25_000);
        Arrays.fill(t, 3_000, 3_400, (byte) 'x'); // compressible literal
        System.arraycopy(random(5_000, 2), 0, t, 20_000, 5_000);
        return t;
    }

    enum Mutation { TRUNCATE, FLIP_BIT, OVERWRITE_INT }

    record Damage(Mutation mutation, int position, int bit, int value) {
        byte[] apply(byte[] encoded) {
            int at = position % encoded.length;
            return switch (mutation) {
                case TRUNCATE -> Arrays.copyOf(encoded, at);
                case FLIP_BIT -> {
                    byte[] b = encoded.clone();
                    b[at] ^= (byte) (1 << bit);
                    yield b;
                }
                case OVERWRITE_INT -> {
                    byte[] b = encoded.clone();
                    int start = Math.min(at, b.length - 4);
                    ByteBuffer.wrap(b, start, 4).putInt(value);
                    yield b;
                }
            };
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        Arbitrary<Integer> hostileInts = Arbitraries.oneOf(
                Arbitraries.of(Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, 1, 65_537, 1 << 22, 1 << 24),
                Arbitraries.integers());
        return Combinators.combine(Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 7), hostileInts).as(Damage::new);
    }

    @Property(tries = 500)
    void damagedSignatureIsRefused(@ForAll("damage") Damage damage) {
        byte[] bad = damage.apply(signature);
        if (Arrays.equals(bad, signature)) {
            return; // overwrite with the same value: nothing was damaged
        }
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(bad)))
                .isInstanceOf(DeltaFormatException.class)
                .hasMessageStartingWith("signature: ");
    }

    @Property(tries = 500)
    void damagedDeltaIsRefusedAndLeavesNoFile(@ForAll("damage") Damage damage, @ForAll boolean compressed)
            throws IOException {
        byte[] original = compressed ? zstdDelta : delta;
        byte[] bad = damage.apply(original);
        if (Arrays.equals(bad, original)) {
            return;
        }
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, BASIS, bad))
                .isInstanceOfAny(DeltaFormatException.class, DeltaVerificationException.class);
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Property(tries = 50)
    void undamagedEncodingsStillDecode(@ForAll boolean compressed) throws IOException {
        assertThat(DeltaRoundTrip.patch(dir, BASIS, compressed ? zstdDelta : delta)).isEqualTo(TARGET);
        assertThat(DeltaRoundTrip.encodeSignature(SignatureCodec.read(new ByteArrayInputStream(signature))))
                .isEqualTo(signature);
    }
}

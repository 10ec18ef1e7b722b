package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.EditScript.Alphabet;
import io.replicator.delta.EditScript.Edit;
import io.replicator.delta.EditScript.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** patch(basis, delta(signature(basis), target)) == target for random bases and edit scripts. */
class DeltaRoundTripProperties {
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("delta-props");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        DeltaRoundTrip.deleteTree(dir);
    }

    record Case(int blockSize, int basisSize, Alphabet alphabet, long seed, EditScript script, boolean zstd) {
        byte[] basis() {
            return alphabet.bytes(basisSize, seed);
        }
    }

    @Property(tries = 400)
    void patchedEqualsTarget(@ForAll("cases") Case c) throws IOException {
        byte[] basis = c.basis();
        byte[] target = c.script().apply(basis, c.alphabet());
        SignatureSpec spec = new SignatureSpec(c.blockSize(), 8, c.seed());
        LiteralCompression compression = c.zstd() ? LiteralCompression.zstd(1) : LiteralCompression.NONE;

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, spec, compression);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().literalBytes() + out.stats().matchedBytes()).isEqualTo(target.length);
        assertThat(out.stats().targetLength()).isEqualTo(target.length);
    }

    @Property(tries = 200)
    void unchangedFileIsAllCopies(@ForAll("cases") Case c) throws IOException {
        byte[] basis = c.basis();
        SignatureSpec spec = new SignatureSpec(c.blockSize(), 8, c.seed());

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, basis, spec, LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(basis);
        assertThat(out.stats().literalBytes()).isZero();
        assertThat(out.stats().copyOps()).isEqualTo(basis.length == 0 ? 0 : 1);
    }

    /** The rolling sum resynchronises right after an insertion: at most the insert plus one block is literal. */
    @Property(tries = 200)
    void insertionCostsAtMostItsLengthPlusOneBlock(@ForAll("cases") Case c, @ForAll int position,
            @ForAll("insertLengths") int length) throws IOException {
        byte[] basis = Alphabet.RANDOM.bytes(c.basisSize(), c.seed());
        Edit insert = new Edit(Kind.INSERT, Math.abs(position % (basis.length + 1)), length, 0, c.seed() + 1);
        byte[] target = new EditScript(java.util.List.of(insert)).apply(basis, Alphabet.RANDOM);
        SignatureSpec spec = new SignatureSpec(c.blockSize(), 8, c.seed());

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, spec, LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().literalBytes()).isLessThanOrEqualTo((long) length + c.blockSize());
    }

    /** After a deletion the scan finds the next intact block: at most two blocks' worth is literal. */
    @Property(tries = 200)
    void deletionCostsAtMostTwoBlocks(@ForAll("cases") Case c, @ForAll int position,
            @ForAll("insertLengths") int length) throws IOException {
        byte[] basis = Alphabet.RANDOM.bytes(c.basisSize(), c.seed());
        Edit delete = new Edit(Kind.DELETE, Math.abs(position % (basis.length + 1)), length, 0, 0);
        byte[] target = new EditScript(java.util.List.of(delete)).apply(basis, Alphabet.RANDOM);
        SignatureSpec spec = new SignatureSpec(c.blockSize(), 8, c.seed());

        DeltaRoundTrip.Outcome out = DeltaRoundTrip.run(dir, basis, target, spec, LiteralCompression.NONE);

        assertThat(out.patched()).isEqualTo(target);
        assertThat(out.stats().literalBytes()).isLessThanOrEqualTo(2L * c.blockSize());
    }

    @Provide
    Arbitrary<Integer> insertLengths() {
        return Arbitraries.integers().between(0, 300);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> blockSizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(2, 8)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(9, 64)));
        return blockSizes.flatMap(b -> Combinators.combine(
                basisSizes(b),
                Arbitraries.of(Alphabet.class),
                Arbitraries.longs(),
                edits(b).list().ofMaxSize(5).map(EditScript::new),
                Arbitraries.of(true, false))
                .as((size, alphabet, seed, script, zstd) -> new Case(b, size, alphabet, seed, script, zstd)));
    }

    /** Block-size edges (0, 1, b-1, b, b+1, multiples) and anything up to 40 blocks. */
    private static Arbitrary<Integer> basisSizes(int b) {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, b - 1, b, b + 1, 2 * b, 2 * b + 1, 7 * b, 7 * b - 1).filter(n -> n >= 0),
                Arbitraries.integers().between(0, 40 * b));
    }

    private static Arbitrary<Edit> edits(int b) {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 1 << 20);
        Arbitrary<Integer> lengths = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(b - 1, b, b + 1, 2 * b).filter(n -> n >= 0),
                Arbitraries.integers().between(0, 6 * b));
        return Combinators.combine(Arbitraries.of(Kind.class), positions, lengths, positions, Arbitraries.longs())
                .as(Edit::new);
    }
}

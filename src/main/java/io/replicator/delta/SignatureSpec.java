package io.replicator.delta;

import java.security.SecureRandom;

/**
 * How a basis is signed: block size, bytes kept of each block's strong hash, and the strong hash seed.
 *
 * <p>Strong length: rsync keeps b = 10 + 2*log2(length) - log2(blockSize) bits and then subtracts the
 * 32 bits of the rolling sum, trusting the rolling sum to filter candidates; with its 2-byte minimum
 * that is a roughly 1-in-1000-per-file bound, acceptable to rsync because it retries with full
 * checksums. A false match here costs a whole-file resend, so we keep b + 10 bits (a 2^-20 bound per
 * file even if EVERY rolling sum collided, i.e. without crediting the weak sum at all), rounded up to
 * bytes and clamped to [8, 16]: 8 bytes up to ~2^22-block files, 11 bytes for 512 GiB.
 *
 * <p>Seed: random per signature by default, so someone who can write files into a replicated volume
 * cannot precompute XXH3 collisions against the blocks of another file.
 */
public record SignatureSpec(int blockSize, int strongLength, long seed) {
    private static final SecureRandom SEEDS = new SecureRandom();

    public SignatureSpec {
        if (blockSize < 1 || blockSize > DeltaFormat.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize " + blockSize + " is outside [1, "
                    + DeltaFormat.MAX_BLOCK_SIZE + "]");
        }
        if (strongLength < DeltaFormat.MIN_STRONG_LENGTH || strongLength > DeltaFormat.MAX_STRONG_LENGTH) {
            throw new IllegalArgumentException("strongLength " + strongLength + " is outside ["
                    + DeltaFormat.MIN_STRONG_LENGTH + ", " + DeltaFormat.MAX_STRONG_LENGTH + "]");
        }
    }

    /** rsync's block size for this length, our strong length rule, a fresh random seed. */
    public static SignatureSpec forLength(long length) {
        int blockSize = BlockSize.forLength(length);
        return new SignatureSpec(blockSize, strongLengthFor(length, blockSize), SEEDS.nextLong());
    }

    /** Leaves the seed out: it is what keeps strong hashes unpredictable to people who can write files. */
    @Override
    public String toString() {
        return "SignatureSpec[blockSize=" + blockSize + ", strongLength=" + strongLength + "]";
    }

    /** Strong hash bytes per block for a file of this length (see class comment). */
    public static int strongLengthFor(long length, int blockSize) {
        int bits = 20 + 2 * floorLog2(Math.max(length, 1)) - floorLog2(blockSize);
        return Math.max(8, Math.min(DeltaFormat.MAX_STRONG_LENGTH, (bits + 7) / 8));
    }

    private static int floorLog2(long v) {
        return 63 - Long.numberOfLeadingZeros(v);
    }
}

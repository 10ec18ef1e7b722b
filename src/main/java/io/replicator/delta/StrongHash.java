package io.replicator.delta;

import net.openhft.hashing.LongTupleHashFunction;

/**
 * Per-block strong hash: XXH3-128 (zero-allocation-hashing's {@code LongTupleHashFunction.xx128}),
 * seeded, truncated to the signature's strong length. Why XXH3-128: it runs at memory speed (many
 * GB/s, far above MD4/MD5 that older rsync used), its 128-bit output leaves every truncation up to
 * 16 bytes well distributed, and rsync 3.2 itself negotiates xxh128 for its block sums. It is not a
 * cryptographic hash: end-to-end integrity comes from the whole-file SHA-256 in the delta trailer.
 *
 * <p>Bytes 0-7 of the truncated hash are the low 64 bits (little-endian), bytes 8-15 the high 64
 * bits. Not thread-safe: it reuses one result array, one instance per scan.
 */
final class StrongHash {
    private final LongTupleHashFunction function;
    private final long loMask;
    private final long hiMask;
    private final long[] result = new long[2];

    StrongHash(long seed, int strongLength) {
        this.function = LongTupleHashFunction.xx128(seed);
        this.loMask = mask(Math.min(strongLength, 8));
        this.hiMask = mask(Math.max(strongLength - 8, 0));
    }

    /** Hashes b[off, off+len); read the truncated halves with {@link #lo()} and {@link #hi()}. */
    void hash(byte[] b, int off, int len) {
        function.hashBytes(b, off, len, result);
    }

    long lo() {
        return result[0] & loMask;
    }

    long hi() {
        return result[1] & hiMask;
    }

    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }
}

package io.replicator.delta;

/**
 * Block size for a basis file, chosen the way rsync 3.x does (generator.c, sum_sizes_sqroot):
 * <ul>
 *   <li>length &lt;= 700 * 700: 700 bytes (BLOCK_SIZE);</li>
 *   <li>otherwise c = the largest power of two &lt;= sqrt(length) (c doubles while length >>= 2 is non-zero);
 *       if c &gt;= 128 KiB (MAX_BLOCK_SIZE, protocol 30+) use 128 KiB; else set bits from c down to 8,
 *       keeping each bit only while blength * blength &lt;= length. That is floor(sqrt(length)) rounded
 *       down to a multiple of 8, and at least 700.</li>
 * </ul>
 * One deviation: rsync lets the block count grow without bound for huge files; we keep it at or below
 * {@link DeltaFormat#MAX_BLOCK_COUNT} (about 512 GiB at 128 KiB blocks) by growing the block size
 * instead, so the signature table stays bounded.
 */
public final class BlockSize {
    public static final int RSYNC_MIN = 700;
    public static final int RSYNC_MAX = 128 * 1024;

    private BlockSize() {
    }

    public static int forLength(long length) {
        if (length < 0 || length > DeltaFormat.MAX_FILE_LENGTH) {
            throw new IllegalArgumentException("file length " + length + " is outside [0, "
                    + DeltaFormat.MAX_FILE_LENGTH + "]");
        }
        int rsync = rsyncBlockSize(length);
        long neededForCap = ceilDiv(length, DeltaFormat.MAX_BLOCK_COUNT);
        if (neededForCap <= rsync) {
            return rsync;
        }
        long grown = (neededForCap + 7) & ~7L;
        if (grown > DeltaFormat.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("file length " + length + " needs blocks larger than "
                    + DeltaFormat.MAX_BLOCK_SIZE);
        }
        return (int) grown;
    }

    /** Number of blocks (the last one possibly short) a file of this length has at this block size. */
    public static long blockCount(long length, int blockSize) {
        return ceilDiv(length, blockSize);
    }

    static int rsyncBlockSize(long length) {
        if (length <= (long) RSYNC_MIN * RSYNC_MIN) {
            return RSYNC_MIN;
        }
        long c = 1;
        for (long l = length >> 2; l != 0; l >>= 2) {
            c <<= 1;
        }
        if (c >= RSYNC_MAX) {
            return RSYNC_MAX;
        }
        long blength = 0;
        do {
            blength |= c;
            if (length < blength * blength) {
                blength &= ~c;
            }
            c >>= 1;
        } while (c >= 8);
        return (int) Math.max(blength, RSYNC_MIN);
    }

    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }
}

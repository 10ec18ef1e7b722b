package io.replicator.delta;

/**
 * rsync's weak rolling checksum (checksum.c get_checksum1, CHAR_OFFSET 0, signed bytes like rsync's
 * schar): s1 = sum of bytes, s2 = sum of the running s1, packed as (s1 & 0xffff) | (s2 << 16).
 * Bit-compatible with rsync's sum1, which a test checks against rsync's own debug output.
 *
 * <p>Rolling by one byte, with out leaving and in entering a window of n bytes:
 * {@code s1 += in - out; s2 += s1 - n * out}. The hot loop in {@link DeltaScan} inlines that; this
 * class computes a fresh window. s1 and s2 are returned together as (s2 << 32) | s1 so the caller
 * can keep rolling on full ints (only their low 16 bits matter, and int wrap-around keeps those exact).
 */
final class RollingChecksum {
    private RollingChecksum() {
    }

    static long sums(byte[] b, int off, int len) {
        int s1 = 0;
        int s2 = 0;
        int i = off;
        int end = off + len;
        // Four bytes per step, as rsync does: shortens the s1 -> s2 dependency chain.
        for (; i < end - 4; i += 4) {
            int b0 = b[i];
            int b1 = b[i + 1];
            int b2 = b[i + 2];
            int b3 = b[i + 3];
            s2 += 4 * (s1 + b0) + 3 * b1 + 2 * b2 + b3;
            s1 += b0 + b1 + b2 + b3;
        }
        for (; i < end; i++) {
            s1 += b[i];
            s2 += s1;
        }
        return ((long) s2 << 32) | (s1 & 0xFFFFFFFFL);
    }

    static int of(byte[] b, int off, int len) {
        long sums = sums(b, off, len);
        return pack((int) sums, (int) (sums >>> 32));
    }

    static int pack(int s1, int s2) {
        return (s1 & 0xFFFF) | (s2 << 16);
    }
}

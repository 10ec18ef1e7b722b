package io.replicator.delta;

/**
 * Lookup from rolling sum to basis blocks for the delta scan: an open-addressing table of primitive
 * ints (no boxing, one multiply and usually one array load per rolled byte on a miss), load factor at
 * most 1/2, linear probing. Each slot heads a chain (through {@code next}) of the blocks with that
 * rolling sum, lowest index first.
 *
 * <p>In front of the table sits a bit filter with about 32 bits per block (so ~3 % set): the scan
 * tests one bit per rolled byte and only probes the table on a set bit. Probing the table directly
 * costs a poorly predictable branch per byte (a third of its slots are occupied); measured here, the
 * filter took the rolling loop from ~110 MiB/s to the figure in bench/delta.sh.
 *
 * <p>A block whose strong hash equals one already in its chain (e.g. many all-zero blocks) is left
 * out: the scan finds such repeats through its "next block of the current run" shortcut instead.
 * Chains are capped at {@link #MAX_CHAIN} distinct blocks so that a basis crafted to make every
 * rolling sum collide cannot turn the scan quadratic; blocks beyond the cap are simply never matched
 * by lookup (a larger delta, never a wrong one).
 */
final class BlockIndex {
    static final int MAX_CHAIN = 64;
    private static final int EMPTY = 0;
    private static final int FILTER_BITS_PER_BLOCK = 32;
    private static final int MAX_FILTER_BITS = 1 << 27; // 16 MiB, reached at the 4M-block cap

    final int[] keys;
    final int[] heads; // block index + 1, EMPTY when the slot is free
    final int[] next;  // next block in the same chain, -1 at the end
    final int mask;
    final int shift;
    final long[] filter;
    final int filterShift;

    BlockIndex(Signature sig) {
        int n = sig.fullBlockCount();
        int capacity = Integer.highestOneBit(Math.max(n, 8)) << 2; // in (2n, 4n]
        keys = new int[capacity];
        heads = new int[capacity];
        next = new int[Math.max(n, 1)];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int filterBits = (int) Math.min(MAX_FILTER_BITS,
                Long.highestOneBit(Math.max(64L, (long) n * FILTER_BITS_PER_BLOCK) * 2 - 1));
        filter = new long[filterBits >>> 6];
        filterShift = 32 - Integer.numberOfTrailingZeros(filterBits);
        for (int i = 0; i < n; i++) {
            insert(sig, i);
        }
    }

    static int hash(int weak, int shift) {
        return (weak * 0x9E3779B1) >>> shift;
    }

    /** First block of the chain for this rolling sum, or -1. */
    int find(int weak) {
        int h = hash(weak, shift);
        int head;
        while ((head = heads[h]) != EMPTY) {
            if (keys[h] == weak) {
                return head - 1;
            }
            h = (h + 1) & mask;
        }
        return -1;
    }

    /** Whether some block may have this rolling sum (false positives ~3 %, no false negatives). */
    boolean mayContain(int weak) {
        int f = hash(weak, filterShift);
        return (filter[f >>> 6] & (1L << f)) != 0;
    }

    private void insert(Signature sig, int block) {
        next[block] = -1;
        int weak = sig.weak(block);
        int f = hash(weak, filterShift);
        filter[f >>> 6] |= 1L << f;
        int h = hash(weak, shift);
        while (heads[h] != EMPTY && keys[h] != weak) {
            h = (h + 1) & mask;
        }
        if (heads[h] == EMPTY) {
            keys[h] = weak;
            heads[h] = block + 1;
            return;
        }
        int last = heads[h] - 1;
        for (int length = 1; ; length++) {
            if (sig.strongLo(last) == sig.strongLo(block) && sig.strongHi(last) == sig.strongHi(block)) {
                return; // an identical block is already reachable
            }
            if (next[last] < 0) {
                if (length < MAX_CHAIN) {
                    next[last] = block;
                }
                return;
            }
            last = next[last];
        }
    }
}

package io.replicator.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the files to transfer over the streams. Large files (at least {@link #LARGE}) go one by
 * one to the least loaded stream; the small ones are then dealt out in contiguous runs of the list
 * (water-filling the streams up to an equal load), so each stream mostly works in its own
 * directories (parallel creates in one directory contend on its lock). Within a stream, files
 * keep list order.
 */
final class StreamShares {
    static final long LARGE = 8L << 20;
    /** What a file costs besides its bytes (create, rename, metadata), in byte-equivalents. */
    private static final long PER_FILE_COST = 64 * 1024;

    private StreamShares() {
    }

    static List<List<Transfer>> split(List<Transfer> transfers, int streams) {
        List<List<Transfer>> shares = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            shares.add(new ArrayList<>());
        }
        long[] load = new long[streams];
        long small = 0;
        for (Transfer t : transfers) {
            if (t.size() >= LARGE) {
                int s = leastLoaded(load);
                shares.get(s).add(t);
                load[s] += cost(t);
            } else {
                small += cost(t);
            }
        }
        long[] quota = waterFill(load, small);
        int s = 0;
        for (Transfer t : transfers) {
            if (t.size() >= LARGE) {
                continue;
            }
            while (s < streams - 1 && quota[s] <= 0) {
                s++;
            }
            shares.get(s).add(t);
            quota[s] -= cost(t);
        }
        return shares;
    }

    /** How much each stream should take of {@code amount} so that the loads end up as level as possible. */
    static long[] waterFill(long[] load, long amount) {
        long[] sorted = load.clone();
        java.util.Arrays.sort(sorted);
        long level = sorted[0];
        long left = amount;
        int k = 1;
        while (left > 0) {
            long next = k < sorted.length ? sorted[k] : Long.MAX_VALUE;
            long room = (next - level) * k;
            if (next == Long.MAX_VALUE || room >= left) {
                level += (left + k - 1) / k;
                left = 0;
            } else {
                left -= room;
                level = next;
                k++;
            }
        }
        long[] quota = new long[load.length];
        for (int i = 0; i < load.length; i++) {
            quota[i] = Math.max(0, level - load[i]);
        }
        return quota;
    }

    private static long cost(Transfer t) {
        return t.size() + PER_FILE_COST;
    }

    private static int leastLoaded(long[] load) {
        int best = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] < load[best]) {
                best = i;
            }
        }
        return best;
    }
}

package io.replicator.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the files to transfer over the streams. Large files (at least {@link #LARGE}) go one by
 * one to the least loaded stream; the small ones are then dealt out in contiguous runs of the list,
 * filling the least loaded stream up to the average, so each stream mostly works in its own
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
        long total = 0;
        for (Transfer t : transfers) {
            total += cost(t);
            if (t.size() >= LARGE) {
                int s = leastLoaded(load);
                shares.get(s).add(t);
                load[s] += cost(t);
            }
        }
        long target = (total + streams - 1) / streams;
        int s = leastLoaded(load);
        for (Transfer t : transfers) {
            if (t.size() >= LARGE) {
                continue;
            }
            if (load[s] >= target) {
                s = leastLoaded(load);
            }
            shares.get(s).add(t);
            load[s] += cost(t);
        }
        return shares;
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

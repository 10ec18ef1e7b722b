package io.replicator.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the files to transfer over the streams: largest first, each to the stream with the fewest
 * bytes so far (plus a per-file cost, so thousands of small files spread evenly too). Within a
 * stream, files keep list order, which keeps directories' files together on disk.
 */
final class StreamShares {
    private static final long PER_FILE_COST = 64 * 1024;

    private StreamShares() {
    }

    static List<List<Transfer>> split(List<Transfer> transfers, int streams) {
        long[] load = new long[streams];
        int[] owner = new int[transfers.size()];
        Integer[] order = new Integer[transfers.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> transfers.get(i).size()).reversed());
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < streams; s++) {
                if (load[s] < load[best]) {
                    best = s;
                }
            }
            owner[i] = best;
            load[best] += transfers.get(i).size() + PER_FILE_COST;
        }
        List<List<Transfer>> shares = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < owner.length; i++) {
            shares.get(owner[i]).add(transfers.get(i));
        }
        return shares;
    }
}

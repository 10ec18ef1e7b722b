package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Shows two objects equal or not by reading both (each read conditional on its listed ETag, so a
 * change during the read fails instead of comparing a mix). Bytes are compared directly, which is
 * exact and cheaper than hashing both streams.
 */
final class ContentVerifier {
    private static final int CHUNK = 128 * 1024;

    private ContentVerifier() {
    }

    static boolean sameContent(ObjectReader source, ObjectEntry s, ObjectReader destination, ObjectEntry d)
            throws IOException {
        if (s.size() != d.size()) {
            return false;
        }
        InputStream a = source.open(s, 0, s.size()).in();
        InputStream b = null;
        boolean same = false;
        try {
            b = destination.open(d, 0, d.size()).in();
            same = equalStreams(a, b);
            return same;
        } finally {
            finish(a, same);
            if (b != null) {
                finish(b, same);
            }
        }
    }

    /** A stream read to its end goes back to the pool; one left half-read is dropped, not drained. */
    private static void finish(InputStream in, boolean readToEnd) {
        if (readToEnd) {
            ReopeningBody.closeQuietly(in);
        } else {
            ReopeningBody.abort(in);
        }
    }

    private static boolean equalStreams(InputStream a, InputStream b) throws IOException {
        byte[] x = new byte[CHUNK];
        byte[] y = new byte[CHUNK];
        while (true) {
            int n = a.readNBytes(x, 0, CHUNK);
            int m = b.readNBytes(y, 0, CHUNK);
            if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
                return false;
            }
            if (n < CHUNK) {
                return true;
            }
        }
    }
}

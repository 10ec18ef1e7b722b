package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One pass of rsync's matching algorithm over a target (match.c hash_search): slide a block-sized
 * window one byte at a time, roll the weak sum, look it up, confirm with the strong hash, emit
 * COPY runs and LITERAL chunks. Also feeds every target byte to SHA-256 for the trailer.
 *
 * <p>Buffer: bytes [litStart, end) are kept; [litStart, pos) is the pending literal (flushed at
 * MAX_LITERAL_CHUNK), [pos, pos + blockSize) the window. Refills shift the kept bytes to the front.
 */
final class DeltaScan {
    private static final int LITERAL_MAX = DeltaFormat.MAX_LITERAL_CHUNK;
    private static final int READ_CHUNK = 256 * 1024;

    private final Signature sig;
    private final BlockIndex index;
    private final StrongHash strong;
    private final InputStream in;
    private final DeltaSink sink;
    private final MessageDigest sha256;
    private final long targetLength;
    private final int b;
    private final int fullBlocks;
    private final byte[] buf;

    private long remaining;
    private long bufOffset;  // target offset of buf[0]
    private int litStart;
    private int pos;
    private int end;
    private int runStart;
    private int runLength;
    private long strongAt = -1; // target offset whose window hash `strong` holds
    private long literalBytes;
    private long matchedBytes;
    private long copyOps;
    private long literalOps;

    DeltaScan(Signature sig, BlockIndex index, InputStream in, long targetLength, DeltaSink sink) {
        this.sig = sig;
        this.index = index;
        this.strong = new StrongHash(sig.spec().seed(), sig.spec().strongLength());
        this.in = in;
        this.sink = sink;
        this.sha256 = newSha256();
        this.targetLength = targetLength;
        this.remaining = targetLength;
        this.b = sig.blockSize();
        this.fullBlocks = sig.fullBlockCount();
        this.buf = new byte[LITERAL_MAX + 2 * b + READ_CHUNK];
    }

    DeltaStats run() throws IOException {
        sink.begin(new DeltaHeader(b, sig.fileLength(), targetLength));
        final byte[] buf = this.buf;
        final int b = this.b;
        final int[] keys = index.keys;
        final int[] heads = index.heads;
        final int mask = index.mask;
        final int shift = index.shift;
        final long[] filter = index.filter;
        final int filterShift = index.filterShift;
        int s1 = 0;
        int s2 = 0;
        boolean rolling = false; // s1/s2 hold the sums of the window at pos
        while (true) {
            if (end - pos <= b && remaining > 0) {
                fill();
            }
            if (end - pos < b) {
                break;
            }
            if (!rolling) {
                // Fresh window (start of file or right after a match): try the expected block first.
                int m = expectedMatch();
                if (m < 0) {
                    long sums = RollingChecksum.sums(buf, pos, b);
                    s1 = (int) sums;
                    s2 = (int) (sums >>> 32);
                    rolling = true;
                    m = lookup(RollingChecksum.pack(s1, s2));
                }
                if (m >= 0) {
                    onMatch(m, b);
                    rolling = false;
                    continue;
                }
            }
            // The hot loop: roll one byte, probe the table, until a hit, the literal cap or the data end.
            int limit = Math.min(end - b, litStart + LITERAL_MAX);
            int p = pos;
            int found = -1;
            while (p < limit) {
                int out = buf[p];
                s1 += buf[p + b] - out;
                s2 += s1 - b * out;
                p++;
                int weak = (s1 & 0xFFFF) | (s2 << 16);
                int x = weak * 0x9E3779B1;
                int f = x >>> filterShift;
                if ((filter[f >>> 6] & (1L << f)) == 0) {
                    continue; // the common case: no block has this sum
                }
                int h = x >>> shift;
                int head;
                while ((head = heads[h]) != 0 && keys[h] != weak) {
                    h = (h + 1) & mask;
                }
                if (head != 0) {
                    pos = p;
                    found = matchChain(head - 1);
                    if (found >= 0) {
                        break;
                    }
                }
            }
            pos = p;
            if (found >= 0) {
                onMatch(found, b);
                rolling = false;
            } else if (pos - litStart >= LITERAL_MAX) {
                flushRun();
                emitLiteral(litStart, litStart + LITERAL_MAX);
                litStart += LITERAL_MAX;
            } else if (remaining == 0 && end - pos == b) {
                break; // a full window that can no longer roll
            }
        }
        tail();
        return new DeltaStats(targetLength, literalBytes, matchedBytes, copyOps, literalOps);
    }

    /**
     * The next block of the current run, else the block at the same offset in the basis: confirmed
     * by strong hash alone (equality of the strong hash is the match criterion; the weak sum is only
     * a filter). This makes unchanged data cost one XXH3 per block, and keeps runs of identical
     * blocks (e.g. zeros) in one COPY.
     */
    private int expectedMatch() {
        long candidate;
        if (runLength > 0) {
            candidate = runStart + runLength;
        } else {
            long offset = bufOffset + pos;
            candidate = offset % b == 0 ? offset / b : -1;
        }
        if (candidate < 0 || candidate >= fullBlocks) {
            return -1;
        }
        int c = (int) candidate;
        return strongMatches(c, pos, b) ? c : -1;
    }

    private int lookup(int weak) {
        int head = index.find(weak);
        return head < 0 ? -1 : matchChain(head);
    }

    private int matchChain(int first) {
        for (int i = first; i >= 0; i = index.next[i]) {
            if (strongMatches(i, pos, b)) {
                return i;
            }
        }
        return -1;
    }

    private boolean strongMatches(int block, int at, int length) {
        long offset = bufOffset + at;
        if (strongAt != offset) {
            strong.hash(buf, at, length);
            strongAt = offset;
        }
        return strong.lo() == sig.strongLo(block) && strong.hi() == sig.strongHi(block);
    }

    /** End of target, fewer than a full rollable window left: only the basis' short last block can match. */
    private void tail() throws IOException {
        int last = sig.blockCount() - 1;
        int r = last >= fullBlocks && last >= 0 ? sig.blockLength(last) : 0;
        if (r > 0 && end - pos >= r) {
            int at = end - r;
            if (RollingChecksum.of(buf, at, r) == sig.weak(last)) {
                strongAt = -1; // the short window differs from any full window hashed at this offset
                if (strongMatches(last, at, r)) {
                    pos = at;
                    onMatch(last, r);
                }
            }
        }
        if (litStart < end) {
            flushRun();
            emitLiteral(litStart, end);
            litStart = end;
        }
        flushRun();
        sink.end(sha256.digest());
    }

    private void onMatch(int block, int length) throws IOException {
        if (litStart < pos) {
            flushRun();
            emitLiteral(litStart, pos);
        }
        if (runLength > 0 && block == runStart + runLength) {
            runLength++;
        } else {
            flushRun();
            runStart = block;
            runLength = 1;
        }
        matchedBytes += length;
        pos += length;
        litStart = pos;
    }

    private void flushRun() throws IOException {
        if (runLength > 0) {
            sink.copy(runStart, runLength);
            copyOps++;
            runLength = 0;
        }
    }

    private void emitLiteral(int from, int to) throws IOException {
        for (int at = from; at < to; at += LITERAL_MAX) {
            int n = Math.min(LITERAL_MAX, to - at);
            sink.literal(buf, at, n);
            literalOps++;
            literalBytes += n;
        }
    }

    private void fill() throws IOException {
        if (litStart > 0) {
            System.arraycopy(buf, litStart, buf, 0, end - litStart);
            bufOffset += litStart;
            pos -= litStart;
            end -= litStart;
            litStart = 0;
        }
        while (remaining > 0 && end < buf.length) {
            int n = in.read(buf, end, (int) Math.min(buf.length - end, remaining));
            if (n < 0) {
                throw new IOException("target ended after " + (targetLength - remaining) + " of " + targetLength
                        + " bytes (changed while being read?)");
            }
            sha256.update(buf, end, n);
            end += n;
            remaining -= n;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Binary encoding of a {@link Signature} (docs/delta-format.md): a header, then one entry per block
 * (rolling sum + strong hash bytes), then a CRC32C. Writing streams block entries through a 64 KiB
 * buffer; reading checks every header field against {@link DeltaFormat}'s caps and grows its arrays
 * only as entries actually arrive, so a lying header cannot make it allocate ahead of the data.
 */
public final class SignatureCodec {
    private static final String WHAT = "signature";
    private static final int INITIAL_CAPACITY = 4096;

    private SignatureCodec() {
    }

    /** Writes the signature to {@code out} and flushes it (does not close it). Returns bytes written. */
    public static long write(Signature sig, OutputStream out) throws IOException {
        RecordOutput o = new RecordOutput(out);
        int strongLength = sig.spec().strongLength();
        o.i32(DeltaFormat.SIGNATURE_MAGIC);
        o.u8(DeltaFormat.VERSION);
        o.u8(strongLength);
        o.i32(sig.blockSize());
        o.i64(sig.spec().seed());
        o.i64(sig.fileLength());
        o.i32(sig.blockCount());
        byte[] strong = new byte[strongLength];
        for (int i = 0; i < sig.blockCount(); i++) {
            o.i32(sig.weak(i));
            putStrong(sig.strongLo(i), sig.strongHi(i), strong);
            o.bytes(strong, 0, strongLength);
        }
        o.crcAndFlush();
        return o.written();
    }

    /** Reads one signature; throws {@link DeltaFormatException} naming the field on bad input. */
    public static Signature read(InputStream in) throws IOException {
        RecordInput r = new RecordInput(in, WHAT);
        int magic = r.i32("magic");
        if (magic != DeltaFormat.SIGNATURE_MAGIC) {
            throw new DeltaFormatException(WHAT + ": bad magic 0x" + Integer.toHexString(magic) + " at byte 0");
        }
        int version = r.u8("version");
        if (version != DeltaFormat.VERSION) {
            throw r.outOfRange("version", version, DeltaFormat.VERSION, DeltaFormat.VERSION);
        }
        int strongLength = r.u8("strongLength");
        check(r, "strongLength", strongLength, DeltaFormat.MIN_STRONG_LENGTH, DeltaFormat.MAX_STRONG_LENGTH);
        int blockSize = r.i32("blockSize");
        check(r, "blockSize", blockSize, 1, DeltaFormat.MAX_BLOCK_SIZE);
        long seed = r.i64("seed");
        long fileLength = r.i64("fileLength");
        check(r, "fileLength", fileLength, 0, DeltaFormat.MAX_FILE_LENGTH);
        long expectedCount = BlockSize.blockCount(fileLength, blockSize);
        if (expectedCount > DeltaFormat.MAX_BLOCK_COUNT) {
            throw new DeltaFormatException(WHAT + ": fileLength " + fileLength + " at blockSize " + blockSize
                    + " needs " + expectedCount + " blocks, more than " + DeltaFormat.MAX_BLOCK_COUNT);
        }
        int blockCount = r.i32("blockCount");
        check(r, "blockCount", blockCount, expectedCount, expectedCount);
        SignatureSpec spec = new SignatureSpec(blockSize, strongLength, seed);
        return readEntries(r, fileLength, spec, blockCount);
    }

    private static Signature readEntries(RecordInput r, long fileLength, SignatureSpec spec, int blockCount)
            throws IOException {
        int strongLength = spec.strongLength();
        int entrySize = 4 + strongLength;
        int capacity = Math.min(blockCount, INITIAL_CAPACITY);
        int[] weak = new int[capacity];
        long[] lo = new long[capacity];
        long[] hi = strongLength > 8 ? new long[capacity] : null;
        byte[] strong = new byte[strongLength];
        int perChunk = (64 * 1024) / entrySize;
        for (int i = 0; i < blockCount; i++) {
            if (i == capacity) {
                capacity = (int) Math.min(blockCount, 2L * capacity);
                weak = Arrays.copyOf(weak, capacity);
                lo = Arrays.copyOf(lo, capacity);
                hi = hi == null ? null : Arrays.copyOf(hi, capacity);
            }
            if (i % perChunk == 0) {
                r.prefetch(Math.min(perChunk, blockCount - i) * entrySize, "block entries");
            }
            weak[i] = r.i32("block weak sum");
            r.bytes(strong, 0, strongLength, "block strong hash");
            lo[i] = getStrong(strong, 0, Math.min(strongLength, 8));
            if (hi != null) {
                hi[i] = getStrong(strong, 8, strongLength - 8);
            }
        }
        r.checkCrc();
        return new Signature(fileLength, spec, blockCount, weak, lo, hi);
    }

    private static void check(RecordInput r, String field, long value, long min, long max)
            throws DeltaFormatException {
        if (value < min || value > max) {
            throw r.outOfRange(field, value, min, max);
        }
    }

    private static void putStrong(long lo, long hi, byte[] dst) {
        for (int i = 0; i < dst.length; i++) {
            long half = i < 8 ? lo : hi;
            dst[i] = (byte) (half >>> (8 * (i & 7)));
        }
    }

    private static long getStrong(byte[] src, int off, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v |= (src[off + i] & 0xFFL) << (8 * i);
        }
        return v;
    }
}

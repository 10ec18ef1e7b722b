package io.replicator.delta;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes one encoded delta from a stream into a {@link DeltaSink}, record by record, with bounded
 * buffers (one literal chunk and one compressed chunk). Every header field, tag, length and block
 * range is checked before use, the ops may not produce more than the header's target length, and
 * the CRC32C trailer is checked before the sink sees {@code end}. Reads nothing past the delta.
 */
public final class DeltaReader {
    private static final String WHAT = "delta";
    private static final int MAX_COMPRESSED = (int) Zstd.compressBound(DeltaFormat.MAX_LITERAL_CHUNK);

    private DeltaReader() {
    }

    public static void read(InputStream in, DeltaSink sink) throws IOException {
        RecordInput r = new RecordInput(in, WHAT);
        int magic = r.i32("magic");
        if (magic != DeltaFormat.DELTA_MAGIC) {
            throw new DeltaFormatException(WHAT + ": bad magic 0x" + Integer.toHexString(magic) + " at byte 0");
        }
        int version = r.u8("version");
        if (version != DeltaFormat.VERSION) {
            throw r.outOfRange("version", version, DeltaFormat.VERSION, DeltaFormat.VERSION);
        }
        int flags = r.u8("flags");
        if ((flags & ~(DeltaFormat.FLAG_ZSTD_LITERALS | DeltaFormat.FLAG_ZERO_RUNS)) != 0) {
            throw new DeltaFormatException(WHAT + ": unknown flags 0x" + Integer.toHexString(flags) + " at byte 5");
        }
        DeltaHeader header = readHeader(r);
        sink.begin(header);
        byte[] literal = new byte[DeltaFormat.MAX_LITERAL_CHUNK];
        byte[] compressed = null;
        ZstdDecompressCtx zstd = null;
        long produced = 0;
        try {
            while (true) {
                long at = r.offset();
                int tag = r.u8("op tag");
                if (tag == DeltaFormat.OP_END) {
                    break;
                }
                long n;
                if (tag == DeltaFormat.OP_COPY) {
                    int index = r.i32("COPY block index");
                    int count = r.i32("COPY block count");
                    n = header.copyLength(index, count);
                    checkProduced(produced, n, header, at);
                    sink.copy(index, count);
                } else if (tag == DeltaFormat.OP_LITERAL) {
                    int length = literalLength(r, "LITERAL length");
                    checkProduced(produced, length, header, at);
                    r.bytes(literal, 0, length, "LITERAL data");
                    sink.literal(literal, 0, length);
                    n = length;
                } else if (tag == DeltaFormat.OP_ZEROS && (flags & DeltaFormat.FLAG_ZERO_RUNS) != 0) {
                    n = r.i64("ZEROS length");
                    if (n < 1 || n > DeltaFormat.MAX_FILE_LENGTH) {
                        throw r.outOfRange("ZEROS length", n, 1, DeltaFormat.MAX_FILE_LENGTH);
                    }
                    checkProduced(produced, n, header, at);
                    sink.zeros(n);
                } else if (tag == DeltaFormat.OP_LITERAL_ZSTD && (flags & DeltaFormat.FLAG_ZSTD_LITERALS) != 0) {
                    int length = literalLength(r, "LITERAL_ZSTD raw length");
                    int clen = r.i32("LITERAL_ZSTD compressed length");
                    if (clen < 1 || clen > MAX_COMPRESSED) {
                        throw r.outOfRange("LITERAL_ZSTD compressed length", clen, 1, MAX_COMPRESSED);
                    }
                    checkProduced(produced, length, header, at);
                    if (zstd == null) {
                        zstd = new ZstdDecompressCtx();
                        compressed = new byte[MAX_COMPRESSED];
                    }
                    r.bytes(compressed, 0, clen, "LITERAL_ZSTD data");
                    decompress(zstd, compressed, clen, literal, length, at);
                    sink.literal(literal, 0, length);
                    n = length;
                } else {
                    throw new DeltaFormatException(WHAT + ": unknown op tag 0x" + Integer.toHexString(tag)
                            + " at byte " + at + ((flags & DeltaFormat.FLAG_ZSTD_LITERALS) == 0 && tag == DeltaFormat.OP_LITERAL_ZSTD
                                    ? " (compressed literal in a stream whose header says uncompressed)" : ""));
                }
                produced += n;
            }
        } finally {
            if (zstd != null) {
                zstd.close();
            }
        }
        if (produced != header.targetLength()) {
            throw new DeltaFormatException(WHAT + ": ops produce " + produced + " bytes but the header says targetLength "
                    + header.targetLength());
        }
        byte[] sha256 = new byte[DeltaFormat.SHA256_LENGTH];
        r.bytes(sha256, 0, sha256.length, "trailer sha256");
        r.checkCrc();
        sink.end(sha256);
    }

    private static DeltaHeader readHeader(RecordInput r) throws IOException {
        int blockSize = r.i32("blockSize");
        if (blockSize < 1 || blockSize > DeltaFormat.MAX_BLOCK_SIZE) {
            throw r.outOfRange("blockSize", blockSize, 1, DeltaFormat.MAX_BLOCK_SIZE);
        }
        long basisLength = r.i64("basisLength");
        if (basisLength < 0 || basisLength > DeltaFormat.MAX_FILE_LENGTH) {
            throw r.outOfRange("basisLength", basisLength, 0, DeltaFormat.MAX_FILE_LENGTH);
        }
        long blocks = BlockSize.blockCount(basisLength, blockSize);
        if (blocks > DeltaFormat.MAX_BLOCK_COUNT) {
            throw new DeltaFormatException(WHAT + ": basisLength " + basisLength + " at blockSize " + blockSize
                    + " needs " + blocks + " blocks, more than " + DeltaFormat.MAX_BLOCK_COUNT);
        }
        long targetLength = r.i64("targetLength");
        if (targetLength < 0 || targetLength > DeltaFormat.MAX_FILE_LENGTH) {
            throw r.outOfRange("targetLength", targetLength, 0, DeltaFormat.MAX_FILE_LENGTH);
        }
        return new DeltaHeader(blockSize, basisLength, targetLength);
    }

    private static int literalLength(RecordInput r, String field) throws IOException {
        int length = r.i32(field);
        if (length < 1 || length > DeltaFormat.MAX_LITERAL_CHUNK) {
            throw r.outOfRange(field, length, 1, DeltaFormat.MAX_LITERAL_CHUNK);
        }
        return length;
    }

    private static void checkProduced(long produced, long n, DeltaHeader header, long at) throws DeltaFormatException {
        if (produced + n > header.targetLength()) {
            throw new DeltaFormatException(WHAT + ": op at byte " + at + " would write past targetLength "
                    + header.targetLength() + " (already " + produced + ", op " + n + " bytes)");
        }
    }

    private static void decompress(ZstdDecompressCtx zstd, byte[] src, int srcLength, byte[] dst, int rawLength,
            long at) throws DeltaFormatException {
        int n;
        try {
            n = zstd.decompressByteArray(dst, 0, rawLength, src, 0, srcLength);
        } catch (ZstdException | IllegalArgumentException e) {
            throw new DeltaFormatException(WHAT + ": LITERAL_ZSTD at byte " + at + " does not decompress: "
                    + e.getMessage(), e);
        }
        if (n != rawLength) {
            throw new DeltaFormatException(WHAT + ": LITERAL_ZSTD at byte " + at + " decompresses to " + n
                    + " bytes, header says " + rawLength);
        }
    }
}

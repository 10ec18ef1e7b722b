package io.replicator.delta;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link DeltaSink} that encodes the delta (docs/delta-format.md) onto an OutputStream as it goes.
 * With zstd, each literal record is compressed on its own (a bounded, self-contained record the
 * decoder can check) and sent raw when compression does not make it smaller. With
 * {@link ZeroRuns#AS_RECORDS}, runs of zeros in literal data (found in 512-byte granules, so
 * checking costs one vectorised compare per granule) become ZEROS records, merged across literal
 * calls: a 1 GiB hole is one 9-byte record. The stream is flushed
 * at the end, never closed. Closing the writer only frees the native zstd context early (end does
 * too); it is needed only when encoding was abandoned half-way.
 */
public final class DeltaWriter implements DeltaSink, AutoCloseable {
    private final RecordOutput out;
    /** Zero runs shorter than this inside literal data stay literal (a record costs 9 bytes). */
    static final int ZERO_GRANULE = 512;
    private static final byte[] ZEROS = new byte[ZERO_GRANULE];
    private final LiteralCompression compression;
    private final ZeroRuns zeroRuns;
    private ZstdCompressCtx zstd;
    private byte[] compressed;
    private long pendingZeros;

    public DeltaWriter(OutputStream out, LiteralCompression compression) {
        this(out, compression, ZeroRuns.AS_LITERALS);
    }

    public DeltaWriter(OutputStream out, LiteralCompression compression, ZeroRuns zeroRuns) {
        this.out = new RecordOutput(out);
        this.compression = compression;
        this.zeroRuns = zeroRuns;
    }

    @Override
    public void begin(DeltaHeader header) throws IOException {
        out.i32(DeltaFormat.DELTA_MAGIC);
        out.u8(DeltaFormat.VERSION);
        boolean zstdOn = compression.codec() == LiteralCompression.Codec.ZSTD;
        out.u8((zstdOn ? DeltaFormat.FLAG_ZSTD_LITERALS : 0)
                | (zeroRuns == ZeroRuns.AS_RECORDS ? DeltaFormat.FLAG_ZERO_RUNS : 0));
        out.i32(header.blockSize());
        out.i64(header.basisLength());
        out.i64(header.targetLength());
        if (zstdOn) {
            zstd = new ZstdCompressCtx().setLevel(compression.level());
            compressed = new byte[(int) Zstd.compressBound(DeltaFormat.MAX_LITERAL_CHUNK)];
        }
    }

    @Override
    public void copy(int index, int count) throws IOException {
        flushZeros();
        out.u8(DeltaFormat.OP_COPY);
        out.i32(index);
        out.i32(count);
    }

    @Override
    public void literal(byte[] data, int offset, int length) throws IOException {
        if (zeroRuns == ZeroRuns.AS_LITERALS) {
            literalRecords(data, offset, length);
            return;
        }
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int nonZero = firstNonZero(data, at, end);
            pendingZeros += nonZero - at;
            at = nonZero;
            if (at == end) {
                break;
            }
            int zeroRun = nextZeroGranule(data, at, end);
            flushZeros();
            literalRecords(data, at, zeroRun - at);
            at = zeroRun;
        }
    }

    @Override
    public void zeros(long length) throws IOException {
        if (zeroRuns == ZeroRuns.AS_LITERALS) {
            DeltaSink.super.zeros(length);
        } else {
            pendingZeros += length;
        }
    }

    /** Zeros seen but not yet written: a record when long enough, literal bytes otherwise. */
    private void flushZeros() throws IOException {
        if (pendingZeros >= ZERO_GRANULE) {
            out.u8(DeltaFormat.OP_ZEROS);
            out.i64(pendingZeros);
        } else if (pendingZeros > 0) {
            literalRecords(ZEROS, 0, (int) pendingZeros);
        }
        pendingZeros = 0;
    }

    private static int firstNonZero(byte[] data, int from, int to) {
        for (int at = from; at < to; at += ZERO_GRANULE) {
            int n = Math.min(ZERO_GRANULE, to - at);
            int m = java.util.Arrays.mismatch(data, at, at + n, ZEROS, 0, n);
            if (m >= 0) {
                return at + m;
            }
        }
        return to;
    }

    /** Start of the first all-zero granule (counted from {@code from}; a short last one included), or {@code to}. */
    private static int nextZeroGranule(byte[] data, int from, int to) {
        for (int at = from; at < to; at += ZERO_GRANULE) {
            int n = Math.min(ZERO_GRANULE, to - at);
            if (java.util.Arrays.mismatch(data, at, at + n, ZEROS, 0, n) < 0) {
                return at;
            }
        }
        return to;
    }

    private void literalRecords(byte[] data, int offset, int length) throws IOException {
        for (int at = offset; at < offset + length; at += DeltaFormat.MAX_LITERAL_CHUNK) {
            int n = Math.min(DeltaFormat.MAX_LITERAL_CHUNK, offset + length - at);
            if (zstd != null) {
                int c = zstd.compressByteArray(compressed, 0, compressed.length, data, at, n);
                if (c < n) {
                    out.u8(DeltaFormat.OP_LITERAL_ZSTD);
                    out.i32(n);
                    out.i32(c);
                    out.bytes(compressed, 0, c);
                    continue;
                }
            }
            out.u8(DeltaFormat.OP_LITERAL);
            out.i32(n);
            out.bytes(data, at, n);
        }
    }

    @Override
    public void end(byte[] sha256) throws IOException {
        flushZeros();
        out.u8(DeltaFormat.OP_END);
        out.bytes(sha256, 0, DeltaFormat.SHA256_LENGTH);
        out.crcAndFlush();
        close();
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
            zstd = null;
        }
    }

    /** Encoded bytes so far (all of them once {@link #end} returned). */
    public long bytesWritten() {
        return out.written();
    }
}

package io.replicator.delta;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@link DeltaSink} that encodes the delta (docs/delta-format.md) onto an OutputStream as it goes.
 * With zstd, each literal record is compressed on its own (a bounded, self-contained record the
 * decoder can check) and sent raw when compression does not make it smaller. The stream is flushed
 * at the end, never closed. Closing the writer only frees the native zstd context early (end does
 * too); it is needed only when encoding was abandoned half-way.
 */
public final class DeltaWriter implements DeltaSink, AutoCloseable {
    private final RecordOutput out;
    private final LiteralCompression compression;
    private ZstdCompressCtx zstd;
    private byte[] compressed;

    public DeltaWriter(OutputStream out, LiteralCompression compression) {
        this.out = new RecordOutput(out);
        this.compression = compression;
    }

    @Override
    public void begin(DeltaHeader header) throws IOException {
        out.i32(DeltaFormat.DELTA_MAGIC);
        out.u8(DeltaFormat.VERSION);
        boolean zstdOn = compression.codec() == LiteralCompression.Codec.ZSTD;
        out.u8(zstdOn ? DeltaFormat.FLAG_ZSTD_LITERALS : 0);
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
        out.u8(DeltaFormat.OP_COPY);
        out.i32(index);
        out.i32(count);
    }

    @Override
    public void literal(byte[] data, int offset, int length) throws IOException {
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

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the payloads of consecutive frames of one type as a byte stream, so the delta engine's
 * stream decoders (SignatureCodec, DeltaReader) can read an encoding that arrived in chunks. A frame
 * of any other type ends the stream with an error: {@link SkippedException} for FILE_SKIPPED (the
 * source gave up on the file), a {@link ProtocolException} otherwise. The decoders read nothing past
 * their encoding, so {@link #finish} can check that the encoding ended exactly with the chunk
 * marked last; {@link #drain} skips the rest of an encoding whose decoding was abandoned.
 */
final class ChunkInputStream extends InputStream {
    private final FrameChannel in;
    private final FrameType type;
    private final String what;
    private ByteBuf current;
    private boolean last;

    ChunkInputStream(FrameChannel in, FrameType type, String what) {
        this.in = in;
        this.type = type;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.readUnsignedByte();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        while (current == null || !current.isReadable()) {
            release();
            if (last) {
                return false;
            }
            Frame f = in.take(type + " of " + what);
            if (f.type() == FrameType.FILE_SKIPPED) {
                try {
                    throw SkippedException.decode(f.payload());
                } finally {
                    f.release();
                }
            }
            if (f.type() != type) {
                f.release();
                throw new ProtocolException("expected " + type + " of " + what + " but got " + f.type());
            }
            current = f.payload();
            last = (Wire.u8(current, type + " flags") & 1) != 0;
        }
        return true;
    }

    /** The encoding was fully decoded: the chunk must end exactly here. */
    void finish() throws ProtocolException {
        boolean extra = current != null && current.isReadable();
        release();
        if (extra || !last) {
            throw new ProtocolException(type + " frames of " + what + (extra ? " have bytes after the end of the encoding"
                    : " do not end with the encoding (no last chunk)"));
        }
    }

    /** Reads and drops chunks up to the last one of this encoding. */
    void drain() throws IOException {
        while (fill()) {
            current.skipBytes(current.readableBytes());
        }
    }

    void release() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    @Override
    public void close() {
        release();
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts a byte stream (a delta or signature encoding) into frames of one type of at most
 * {@link Wire#CHUNK} bytes, written straight into pooled buffers and sent with back-pressure.
 * Each payload starts with a flag byte: 1 on the last chunk of an encoding. The encoders call flush()
 * exactly once, at their end, so flush() sends the partial chunk marked last (possibly empty);
 * a receiver can thus skip the rest of an encoding it stopped decoding. close() never closes the channel.
 */
final class ChunkOutputStream extends OutputStream {
    private final FrameChannel out;
    private final FrameType type;
    private ByteBuf frame;
    private long written;
    private LastChunkCheck beforeLast;

    /** Runs before the last chunk goes out; throwing keeps it back (the caller then discards the encoding). */
    interface LastChunkCheck {
        void check() throws IOException;
    }

    ChunkOutputStream(FrameChannel out, FrameType type) {
        this.out = out;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        ensureFrame();
        frame.writeByte(b);
        written++;
        if (room() == 0) {
            sendFrame();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            ensureFrame();
            int n = Math.min(len, room());
            frame.writeBytes(b, off, n);
            off += n;
            len -= n;
            written += n;
            if (room() == 0) {
                sendFrame();
            }
        }
    }

    /** The check to run before the last chunk is sent (see {@link LastChunkCheck}). */
    void beforeLast(LastChunkCheck check) {
        this.beforeLast = check;
    }

    @Override
    public void flush() throws IOException {
        if (beforeLast != null) {
            beforeLast.check();
        }
        ensureFrame();
        frame.setByte(5, 1);
        sendFrame();
    }

    @Override
    public void close() {
        discard();
    }

    /** Payload bytes written so far. */
    long written() {
        return written;
    }

    /** Drops a partial chunk that must not be sent (the encoding was abandoned). */
    void discard() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
    }

    private int room() {
        return 6 + Wire.CHUNK - frame.writerIndex();
    }

    private void ensureFrame() {
        if (frame == null) {
            frame = Wire.start(out.channel().alloc(), type, 1 + Wire.CHUNK);
            frame.writeByte(0);
        }
    }

    private void sendFrame() throws IOException {
        ByteBuf f = frame;
        frame = null;
        out.send(Wire.finish(f));
    }
}

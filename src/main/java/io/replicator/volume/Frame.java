package io.replicator.volume;

import io.netty.buffer.ByteBuf;

/**
 * One decoded frame: its type and payload (the bytes after the type byte). The payload is a
 * reference-counted buffer owned by whoever holds the frame: release it once done.
 */
public record Frame(FrameType type, ByteBuf payload) {
    public void release() {
        payload.release();
    }

    @Override
    public String toString() {
        return type + "[" + payload.readableBytes() + " bytes]";
    }
}

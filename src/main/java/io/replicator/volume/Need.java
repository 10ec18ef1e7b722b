package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** NEED: the destination asks for a file's data; kind DELTA is followed by SIG_DATA chunks. */
record Need(int index, Kind kind) {
    enum Kind { WHOLE, DELTA, RESEND }

    ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf b = Wire.start(alloc, FrameType.NEED, 5);
        b.writeInt(index);
        b.writeByte(kind.ordinal());
        return Wire.finish(b);
    }

    static Need decode(ByteBuf b, int entryCount) throws ProtocolException {
        int index = Wire.i32(b, "NEED index");
        if (index < 0 || index >= entryCount) {
            throw new ProtocolException("NEED index " + index + " is outside the file list of " + entryCount);
        }
        int kind = Wire.range(Wire.u8(b, "NEED kind"), 0, Kind.values().length - 1, "NEED kind");
        Wire.end(b, FrameType.NEED);
        return new Need(index, Kind.values()[kind]);
    }

    static int decodeIndex(ByteBuf b, FrameType type) throws ProtocolException {
        int index = Wire.i32(b, type + " index");
        Wire.end(b, type);
        return index;
    }

    static ByteBuf indexFrame(ByteBufAllocator alloc, FrameType type, int index) {
        ByteBuf b = Wire.start(alloc, type, 4);
        b.writeInt(index);
        return Wire.finish(b);
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * JOIN: an extra stream of an existing session (magic, version, job, session id, stream index). The
 * version must be the session's.
 */
public record Join(int version, String job, byte[] sessionId, int stream) {
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf b = Wire.start(alloc, FrameType.JOIN, 64);
        b.writeInt(Wire.MAGIC);
        b.writeShort(version);
        Wire.writeString(b, job);
        b.writeBytes(sessionId);
        b.writeByte(stream);
        return Wire.finish(b);
    }

    public static Join decode(ByteBuf b) throws ProtocolException {
        int version = Hello.checkMagicAndVersion(b, "JOIN");
        String job = Wire.readString(b, "JOIN job name", Hello.MAX_JOB_NAME);
        byte[] id = Wire.bytes(b, Wire.SESSION_ID_LENGTH, "JOIN session id");
        int stream = Wire.range(Wire.u8(b, "JOIN stream"), 1, Hello.MAX_STREAMS - 1, "JOIN stream");
        Wire.end(b, FrameType.JOIN);
        return new Join(version, job, id, stream);
    }
}

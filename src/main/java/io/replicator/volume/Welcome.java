package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** WELCOME: the session's protocol version (the source's) and the session id that extra streams JOIN with. */
final class Welcome {
    private Welcome() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, int version, byte[] sessionId) {
        ByteBuf b = Wire.start(alloc, FrameType.WELCOME, 2 + sessionId.length);
        b.writeShort(version);
        b.writeBytes(sessionId);
        return Wire.finish(b);
    }

    /** The session id; the destination must answer in the version the source asked for. */
    static byte[] decode(ByteBuf b, int asked) throws ProtocolException {
        int version = Wire.u16(b, "WELCOME version");
        if (version != asked) {
            throw new ProtocolException("destination answered with protocol version " + version + ", this side speaks "
                    + asked);
        }
        byte[] id = Wire.bytes(b, Wire.SESSION_ID_LENGTH, "WELCOME session id");
        Wire.end(b, FrameType.WELCOME);
        return id;
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** WELCOME: the session's protocol version (the one HELLO asked for) and the id extra streams JOIN with. */
final class Welcome {
    private Welcome() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, int version, byte[] sessionId) {
        ByteBuf b = Wire.start(alloc, FrameType.WELCOME, 2 + sessionId.length);
        b.writeShort(version);
        b.writeBytes(sessionId);
        return Wire.finish(b);
    }

    static byte[] decode(ByteBuf b) throws ProtocolException {
        int version = Wire.u16(b, "WELCOME version");
        if (version != Wire.VERSION) {
            throw new ProtocolException("destination answered with protocol version " + version + ", this side speaks "
                    + Wire.VERSION);
        }
        byte[] id = Wire.bytes(b, Wire.SESSION_ID_LENGTH, "WELCOME session id");
        Wire.end(b, FrameType.WELCOME);
        return id;
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;

/** COMMITTED payload: files written, deleted, skipped, literal bytes, matched bytes, ownership applied. */
final class Committed {
    private Committed() {
    }

    static long[] decode(ByteBuf b) throws ProtocolException {
        long[] v = new long[6];
        for (int i = 0; i < 5; i++) {
            v[i] = Wire.i64(b, "COMMITTED counter " + i);
        }
        v[5] = Wire.u8(b, "COMMITTED ownership");
        Wire.end(b, FrameType.COMMITTED);
        return v;
    }
}

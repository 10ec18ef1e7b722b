package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;

/**
 * FILE_SKIPPED: the source could not send a file (it vanished or shrank while being read). The
 * destination keeps what it has for that path; the next sync picks the file up again.
 */
final class SkippedException extends IOException {
    private final int index;

    SkippedException(int index, String reason) {
        super(reason);
        this.index = index;
    }

    int index() {
        return index;
    }

    static ByteBuf encode(ByteBufAllocator alloc, int index, String reason) {
        ByteBuf b = Wire.start(alloc, FrameType.FILE_SKIPPED, 64);
        b.writeInt(index);
        Wire.writeString(b, Reasons.clip(reason));
        return Wire.finish(b);
    }

    static SkippedException decode(ByteBuf b) throws ProtocolException {
        int index = Wire.i32(b, "FILE_SKIPPED index");
        String reason = Wire.readString(b, "FILE_SKIPPED reason", 8192);
        return new SkippedException(index, reason);
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Splits the byte stream into frames: 4-byte big-endian length (of type + payload), 1-byte type,
 * payload. Fails fast on a length above {@link Wire#MAX_FRAME} (nothing is buffered for it), on an
 * empty frame and on an unknown type, with a {@link ProtocolException} naming the value.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    public FrameDecoder() {
        super(Wire.MAX_FRAME + 4, 0, 4, 0, 4, true);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        if (!frame.isReadable()) {
            frame.release();
            throw new ProtocolException("empty frame (length 0): every frame has at least a type byte");
        }
        int code = frame.readUnsignedByte();
        FrameType type = FrameType.of(code);
        if (type == null) {
            frame.release();
            throw new ProtocolException("unknown frame type 0x" + Integer.toHexString(code)
                    + " (this side speaks protocol versions " + Wire.accepted() + ")");
        }
        return new Frame(type, frame);
    }
}

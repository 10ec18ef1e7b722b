package io.replicator.volume;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Client-side handler: frames into the connection's {@link FrameChannel}, close and errors as its end. */
final class SourceHandler extends ChannelInboundHandlerAdapter {
    private final FrameChannel frames;
    private String transportFailure;

    SourceHandler(FrameChannel frames) {
        this.frames = frames;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Frame f) {
            frames.onFrame(f);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        String failure = PeerIdentity.failureOf(evt);
        if (failure != null) {
            transportFailure = failure;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        frames.onWritabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        frames.onClosed(transportFailure == null ? "" : transportFailure);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String reason = transportFailure != null ? transportFailure : DestinationHandler.describe(cause);
        if (cause instanceof io.netty.handler.codec.DecoderException) {
            frames.onError(reason);
        } else {
            frames.onClosed(reason);
        }
        ctx.close();
    }
}

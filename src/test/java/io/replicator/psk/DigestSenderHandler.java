package io.replicator.psk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Test protocol, sending side (see {@link DigestSinkHandler}): once the TLS handshake completes it
 * writes the length and the payload, only while the channel is writable (so it never buffers more
 * than the high-water mark), then waits for the peer's digest line.
 */
final class DigestSenderHandler extends ChannelInboundHandlerAdapter {
    record Result(String sent, String echoed) {
    }

    final CompletableFuture<Result> result = new CompletableFuture<>();
    private final Payload payload;
    private final long size;
    private final byte[] chunk = new byte[64 * 1024];
    private final StringBuilder reply = new StringBuilder();
    private boolean started;
    /** How often the channel turned unwritable while sending (back-pressure seen). */
    int unwritableEvents;

    DigestSenderHandler(long size, long seed) {
        this.size = size;
        this.payload = new Payload(size, seed);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof PskHandshakeCompleted && !started) {
            started = true;
            ctx.writeAndFlush(ctx.alloc().buffer(8).writeLong(size));
            pump(ctx);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            unwritableEvents++;
        } else if (started) {
            pump(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void pump(ChannelHandlerContext ctx) {
        while (ctx.channel().isWritable() && !payload.done()) {
            int n = payload.next(chunk);
            ByteBuf buf = ctx.alloc().buffer(n).writeBytes(chunk, 0, n);
            ctx.write(buf).addListener(f -> {
                if (!f.isSuccess()) {
                    result.completeExceptionally(f.cause());
                }
            });
        }
        ctx.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        reply.append(in.toString(StandardCharsets.US_ASCII));
        in.release();
        int nl = reply.indexOf("\n");
        if (nl >= 0) {
            result.complete(new Result(payload.hexDigest(), reply.substring(0, nl)));
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        result.completeExceptionally(new IllegalStateException("closed before the digest arrived"));
        ctx.fireChannelInactive();
    }
}

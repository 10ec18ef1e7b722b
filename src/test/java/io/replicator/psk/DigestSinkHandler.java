package io.replicator.psk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Test protocol, receiving side: an 8-byte big-endian length N, then N bytes; answers with the hex
 * SHA-256 of those bytes and a newline. Works behind our handler, behind stunnel, or with openssl.
 */
final class DigestSinkHandler extends ChannelInboundHandlerAdapter {
    final CompletableFuture<String> received = new CompletableFuture<>();
    private final MessageDigest digest = Payload.sha256();
    private final ByteBuf header = Unpooled.buffer(8);
    private long remaining = -1;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (remaining < 0) {
                in.readBytes(header, Math.min(header.writableBytes(), in.readableBytes()));
                if (header.isWritable()) {
                    return;
                }
                remaining = header.readLong();
            }
            int n = (int) Math.min(remaining, in.readableBytes());
            digest.update(in.nioBuffer(in.readerIndex(), n));
            in.skipBytes(n);
            remaining -= n;
            if (remaining == 0) {
                remaining = Long.MAX_VALUE; // answer once
                String hex = HexFormat.of().formatHex(digest.digest());
                received.complete(hex);
                ctx.writeAndFlush(Unpooled.copiedBuffer(hex + "\n", StandardCharsets.US_ASCII));
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        received.completeExceptionally(new IllegalStateException("closed before the whole payload arrived"));
        ctx.fireChannelInactive();
    }
}

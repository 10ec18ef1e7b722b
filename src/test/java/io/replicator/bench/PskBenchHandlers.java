package io.replicator.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.replicator.psk.PskHandshakeCompleted;
import io.replicator.psk.PskPipeline;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's application protocol, identical for every transport: an 8-byte length, the
 * payload, and one byte back from the sink once it has counted everything.
 */
final class PskBenchHandlers {
    private PskBenchHandlers() {
    }

    /** Sends {@code size} bytes of a pre-made buffer as fast as writability allows; completes with the elapsed nanos. */
    static final class Sender extends ChannelInboundHandlerAdapter {
        final CompletableFuture<Long> elapsedNanos = new CompletableFuture<>();
        private final ByteBuf block;
        private long remaining;
        private long start;
        private boolean started;

        Sender(ByteBuf block, long size) {
            this.block = block;
            this.remaining = size;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get(PskPipeline.TLS_HANDLER) == null && ctx.pipeline().get("jdk-tls") == null) {
                start(ctx); // plain TCP: no handshake to wait for
            }
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof PskHandshakeCompleted
                    || evt instanceof SslHandshakeCompletionEvent e && e.isSuccess()) {
                start(ctx);
            }
            ctx.fireUserEventTriggered(evt);
        }

        private void start(ChannelHandlerContext ctx) {
            if (started) {
                return;
            }
            started = true;
            start = System.nanoTime();
            ctx.write(ctx.alloc().buffer(8).writeLong(remaining));
            pump(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (started && ctx.channel().isWritable()) {
                pump(ctx);
            }
            ctx.fireChannelWritabilityChanged();
        }

        private void pump(ChannelHandlerContext ctx) {
            while (remaining > 0 && ctx.channel().isWritable()) {
                int n = (int) Math.min(block.readableBytes(), remaining);
                ctx.write(block.retainedSlice(0, n));
                remaining -= n;
            }
            ctx.flush();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            elapsedNanos.complete(System.nanoTime() - start);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            elapsedNanos.completeExceptionally(cause);
            ctx.close();
        }
    }

    /** Counts the payload and answers one byte at the end. */
    static final class Sink extends ChannelInboundHandlerAdapter {
        private long expected = -1;
        private final ByteBuf header;

        Sink(ByteBuf header) {
            this.header = header;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            if (expected < 0) {
                in.readBytes(header, Math.min(header.writableBytes(), in.readableBytes()));
                if (header.isWritable()) {
                    in.release();
                    return;
                }
                expected = header.readLong();
            }
            expected -= in.readableBytes();
            in.release();
            if (expected == 0) {
                ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(1));
            }
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            header.release();
        }
    }
}

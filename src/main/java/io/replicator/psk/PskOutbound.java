package io.replicator.psk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CoalescingBufferQueue;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The write side of {@link PskHandler}: plaintext waits here (counted in the channel's writability)
 * until the handshake is done and a flush comes, then leaves encrypted in chunks of up to
 * {@value #CHUNK} bytes, four full records: one outbound ByteBuf per chunk, whose promise
 * completes the promises of the writes it carries.
 */
final class PskOutbound {
    static final int CHUNK = 4 * 16 * 1024;
    private static final long CLOSE_NOTIFY_TIMEOUT_MS = 3000;

    private CoalescingBufferQueue pending;

    void init(ChannelHandlerContext ctx) {
        pending = new CoalescingBufferQueue(ctx.channel(), 4, true);
    }

    void queue(ByteBuf plain, ChannelPromise promise) {
        pending.add(plain, promise);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Encrypts and writes (without flushing) everything queued. */
    void encryptAll(ChannelHandlerContext ctx, PskTlsEngine engine) throws IOException {
        while (!pending.isEmpty()) {
            ChannelPromise promise = ctx.newPromise();
            ByteBuf chunk = pending.remove(ctx.alloc(), CHUNK, promise);
            try {
                engine.writeApplicationData(chunk);
            } catch (IOException e) {
                promise.setFailure(e);
                throw e;
            } finally {
                chunk.release();
            }
            ByteBuf records = engine.drainOutput(ctx.alloc());
            ctx.write(records == null ? Unpooled.EMPTY_BUFFER : records, promise);
        }
    }

    /** Writes (without flushing) what BC produced on its own: handshake messages, alerts, close_notify. */
    static ChannelFuture writeProtocolOutput(ChannelHandlerContext ctx, PskTlsEngine engine) {
        ByteBuf out = engine == null ? null : engine.drainOutput(ctx.alloc());
        return out == null ? null : ctx.write(out);
    }

    /**
     * Queues our close_notify and closes the channel once it is written, or after a bounded wait
     * (as Netty's SslHandler) when the peer does not take it.
     */
    static void closeAfterCloseNotify(ChannelHandlerContext ctx, PskTlsEngine engine, ChannelPromise promise) {
        try {
            engine.closeOutbound();
        } catch (IOException alreadyClosed) {
            // BC refuses only when the connection is already closed: nothing left to send
        }
        ChannelFuture written = writeProtocolOutput(ctx, engine);
        ctx.flush();
        if (written == null) {
            ctx.close(promise);
            return;
        }
        ScheduledFuture<?> timeout = ctx.executor().schedule(() -> closeInto(ctx, promise),
                CLOSE_NOTIFY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        written.addListener(f -> {
            timeout.cancel(false);
            closeInto(ctx, promise);
        });
    }

    private static void closeInto(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.close().addListener(f -> {
            if (f.isSuccess()) {
                promise.trySuccess();
            } else {
                promise.tryFailure(f.cause());
            }
        });
    }

    void failAll(ChannelHandlerContext ctx, Throwable cause) {
        if (pending != null) {
            pending.releaseAndFailAll(ctx, cause);
        }
    }
}

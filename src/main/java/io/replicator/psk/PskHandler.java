package io.replicator.psk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.UnsupportedMessageTypeException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * TLS 1.3 external-PSK layer for a Netty pipeline, on BouncyCastle's non-blocking protocol classes;
 * it sits next to the socket ({@link PskPipeline}) and the handlers after it see plaintext ByteBufs.
 * Writes wait for the handshake and leave in large encrypted chunks ({@link PskOutbound});
 * writability reflects what the peer has not taken; inbound nothing is buffered beyond one partial
 * record, and with autoRead off the socket is read only when the next handler asks (or to finish
 * the handshake). Failures close the connection after BC's alert, with one WARN line, a count in
 * {@code replicator_psk_failures_total} and a {@link PskConnectionFailed} event; success fires
 * {@link PskHandshakeCompleted}. See docs/psk.md.
 */
public abstract class PskHandler extends ChannelDuplexHandler {
    private enum State { NEW, HANDSHAKING, OPEN, CLOSED }

    private final PskSettings settings;
    private final PskFailureReporter reporter;
    final HandshakeFacts facts = new HandshakeFacts();
    private final Promise<String> handshakePromise = ImmediateEventExecutor.INSTANCE.newPromise();
    private ChannelHandlerContext ctx;
    private PskTlsEngine engine;
    private final PskOutbound outbound = new PskOutbound();
    private State state = State.NEW;
    private ScheduledFuture<?> handshakeTimer;
    private long bytesReceived;
    private boolean readRequested;
    private boolean firedRead;

    PskHandler(PskSettings settings, String role) {
        this.settings = settings;
        this.reporter = new PskFailureReporter(role, new PskFailureMetrics(settings.meterRegistry()));
    }

    /** Creates the BC engine; the client's ClientHello is then waiting in its output. */
    abstract PskTlsEngine startEngine() throws IOException;

    abstract boolean isServer();

    /** Completes with the authenticated identity, or fails with {@link PskHandshakeException} / ClosedChannelException. */
    public Future<String> handshakeFuture() {
        return handshakePromise;
    }

    /** The TCP connection could not be made: the handshake never starts. */
    void connectFailed(Throwable cause) {
        handshakePromise.tryFailure(cause);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        outbound.init(ctx);
        if (ctx.channel().isActive()) {
            begin();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        begin();
        // Handlers added after us may have turned autoRead off since handlerAdded.
        readIfHandshakingManually();
        ctx.fireChannelActive();
    }

    private void begin() {
        if (state != State.NEW) {
            return;
        }
        state = State.HANDSHAKING;
        handshakeTimer = ctx.executor().schedule(this::handshakeTimedOut,
                settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            engine = startEngine();
        } catch (IOException e) {
            fail(PskFailureReason.OTHER, "cannot start TLS: " + e);
            return;
        }
        writeOutput();
        ctx.flush();
        readIfHandshakingManually();
    }

    /** With autoRead off nobody else reads for the handshake: we do. */
    private void readIfHandshakingManually() {
        if (state == State.HANDSHAKING && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (state != State.HANDSHAKING && state != State.OPEN) {
                return; // failed or closing: the rest of the stream is dropped
            }
            if (bytesReceived == 0 && in.isReadable() && !TlsRecordSniffer.looksLikeTls(in, isServer())) {
                fail(PskFailureReason.NOT_TLS, "first bytes " + TlsRecordSniffer.describe(in) + " are not a TLS record");
                return;
            }
            bytesReceived += in.readableBytes();
            engine.offer(in, ctx.alloc());
        } catch (IOException e) {
            writeOutput(); // BC has queued the alert for the peer
            PskFailureClassifier.Verdict verdict = PskFailureClassifier.classify(isServer(), facts, e);
            fail(verdict.reason(), verdict.detail());
            return;
        } finally {
            in.release();
        }
        boolean wrote = writeOutput();
        if (state == State.HANDSHAKING && facts.completed) {
            handshakeCompleted();
            wrote = true;
        }
        fireApplicationData();
        if (state == State.OPEN && engine.isClosed()) {
            state = State.CLOSED; // peer sent close_notify; BC queued ours, written above
            ctx.flush();
            ctx.close();
        } else if (wrote) {
            ctx.flush();
        }
    }

    private void fireApplicationData() {
        ByteBuf data;
        while (state == State.OPEN && (data = engine.readApplicationData(ctx.alloc())) != null) {
            readRequested = false;
            firedRead = true;
            ctx.fireChannelRead(data);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (firedRead) {
            firedRead = false;
            ctx.fireChannelReadComplete();
        }
        // With autoRead off, a read that yielded no plaintext (handshake, partial record) must not
        // leave a pending read() of the next handler unanswered.
        if (!ctx.channel().config().isAutoRead() && (state == State.HANDSHAKING || readRequested)) {
            ctx.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        readRequested = true;
        ctx.read();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new UnsupportedMessageTypeException(msg, ByteBuf.class));
            return;
        }
        if (state == State.CLOSED) {
            buf.release();
            promise.setFailure(new ClosedChannelException());
            return;
        }
        outbound.queue(buf, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (state == State.OPEN) {
            encryptPendingWrites();
        }
        ctx.flush(); // before the handshake completes the writes stay queued
    }

    private void encryptPendingWrites() {
        if (state != State.OPEN) {
            return;
        }
        if (engine.isClosed()) {
            // The peer's close_notify came in with the data being handled: BC has no half-close,
            // so replies can no longer be sent. Not a failure of ours.
            outbound.failAll(ctx, new ClosedChannelException());
            return;
        }
        try {
            outbound.encryptAll(ctx, engine);
        } catch (IOException e) {
            fail(PskFailureReason.OTHER, "cannot encrypt: " + e);
        }
    }

    private boolean writeOutput() {
        return PskOutbound.writeProtocolOutput(ctx, engine) != null;
    }

    private void handshakeCompleted() {
        state = State.OPEN;
        handshakeTimer.cancel(false);
        reporter.completed(ctx, facts.identity);
        ctx.fireUserEventTriggered(new PskHandshakeCompleted(facts.identity));
        handshakePromise.trySuccess(facts.identity);
        encryptPendingWrites();
    }

    private void handshakeTimedOut() {
        if (state == State.HANDSHAKING) {
            fail(PskFailureReason.HANDSHAKE_TIMEOUT, "no completed handshake within " + settings.handshakeTimeout());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (state == State.OPEN) {
                fail(PskFailureReason.IDLE_TIMEOUT, "no traffic for " + settings.idleTimeout());
            }
            return; // our idle handler's events stop here
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.HANDSHAKING) {
            fail(PskFailureReason.OTHER, "I/O error during handshake: " + cause);
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    /** Closes with our close_notify sent first (queued plaintext is encrypted and sent before it). */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        encryptPendingWrites();
        if (state != State.OPEN) {
            shutDown(new ClosedChannelException());
            ctx.close(promise);
            return;
        }
        state = State.CLOSED;
        PskOutbound.closeAfterCloseNotify(ctx, engine, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.HANDSHAKING) {
            if (isServer() && bytesReceived == 0) {
                reporter.debug(ctx, "closed before sending anything (TCP probe?)");
            } else {
                fail(PskFailureReason.OTHER, "connection closed by the peer during the handshake");
            }
        } else if (state == State.OPEN) {
            try {
                engine.closeInput();
            } catch (IOException e) {
                reporter.debug(ctx, "peer closed TCP without close_notify: " + e);
            }
        }
        shutDown(new ClosedChannelException());
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        shutDown(new ClosedChannelException());
    }

    private void fail(PskFailureReason reason, String detail) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        reporter.failed(ctx, reason, detail); // counted before anyone waiting on the handshake is told
        shutDown(new PskHandshakeException(reason, detail));
        ctx.fireUserEventTriggered(new PskConnectionFailed(reason, detail));
        ctx.flush(); // the alert, if BC produced one
        ctx.close();
    }

    private void shutDown(Throwable cause) {
        state = State.CLOSED;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        outbound.failAll(ctx, cause);
        handshakePromise.tryFailure(cause);
        if (engine != null) {
            engine.release();
        }
    }
}

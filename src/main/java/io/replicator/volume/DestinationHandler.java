package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Per-connection destination handler. On the event loop it only does the cheap checks of the first
 * frame (HELLO: job, version, PSK identity, volume lock; JOIN: session id, identity) and then
 * forwards every frame to the session's {@link FrameChannel}; the protocol itself runs on the
 * session's worker threads. A refusal sends REFUSED, fires a REFUSED {@link SessionReport} and
 * closes this connection only.
 */
final class DestinationHandler extends ChannelInboundHandlerAdapter {
    private final DestinationContext context;
    private ChannelHandlerContext ctx;
    private String identity;
    private FrameChannel frames;
    private DestinationSession session; // set on the primary connection only
    private ScheduledFuture<?> helloTimeout;
    private long startNanos;
    private boolean refused;
    private boolean reportFired; // event loop only

    DestinationHandler(DestinationContext context) {
        this.context = context;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startNanos = System.nanoTime();
        Duration t = context.ioTimeout();
        helloTimeout = ctx.executor().schedule(() -> {
            if (frames == null) {
                refuse("no HELLO or JOIN within " + t.toSeconds() + " s", "");
            }
        }, t.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        String id = PeerIdentity.of(evt);
        if (id != null) {
            identity = id;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame f)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (frames != null) {
            frames.onFrame(f);
            return;
        }
        if (refused || f.type() == FrameType.PING) {
            f.release(); // decoded before the refusal took effect, or a keepalive: nothing to do
            return;
        }
        try {
            if (f.type() == FrameType.HELLO) {
                onHello(Hello.decode(f.payload()));
            } else if (f.type() == FrameType.JOIN) {
                onJoin(Join.decode(f.payload()));
            } else {
                refuse("expected HELLO or JOIN as the first frame, got " + f.type(), "");
            }
        } catch (ProtocolException e) {
            refuse(e.getMessage(), "");
        } finally {
            f.release();
        }
    }

    private void onHello(Hello hello) {
        DestinationJob job = context.job(hello.job());
        if (job == null) {
            refuse("no volume-destination job named \"" + hello.job() + "\" on this server", hello.job());
            return;
        }
        String why = context.identityProblem(job, identity);
        if (why != null) {
            refuse(why, job.name());
            return;
        }
        FrameChannel fc = new FrameChannel(ctx.channel(), DestinationSession.INBOX_HIGH_WATER, context.ioTimeout());
        DestinationSession session;
        try {
            session = context.open(job, hello, identity, fc, this);
        } catch (ProtocolException e) {
            refuse(e.getMessage(), job.name());
            return;
        }
        frames = fc;
        this.session = session;
        cancelTimeout();
        ctx.writeAndFlush(Welcome.encode(ctx.alloc(), hello.version(), session.id()));
        session.start();
    }

    private void onJoin(Join join) {
        DestinationSession session = context.session(join.sessionId());
        if (session == null || !session.job().name().equals(join.job())) {
            refuse("JOIN names no running session of job \"" + join.job() + "\"", join.job());
            return;
        }
        if (!java.util.Objects.equals(session.identity(), identity)) {
            refuse("JOIN for job \"" + join.job() + "\" comes with PSK identity " + PeerIdentity.show(identity)
                    + ", the session's is " + PeerIdentity.show(session.identity()), join.job());
            return;
        }
        if (join.version() != session.version()) {
            refuse("JOIN speaks protocol version " + join.version() + ", its session " + session.version(), join.job());
            return;
        }
        FrameChannel fc = new FrameChannel(ctx.channel(), DestinationSession.INBOX_HIGH_WATER, context.ioTimeout());
        String why = session.join(join.stream(), fc);
        if (why != null) {
            refuse(why, join.job());
            return;
        }
        frames = fc;
        cancelTimeout();
        ByteBuf b = Wire.start(ctx.alloc(), FrameType.JOINED, 1);
        b.writeByte(join.stream());
        ctx.writeAndFlush(Wire.finish(b));
    }

    /**
     * Called by the session (any thread): the report goes down the pipeline on the event loop,
     * unless one was fired already. Exactly one per connection: whichever comes first of this and
     * {@link #channelInactive} (which always runs while the pipeline still has its handlers).
     */
    void fire(SessionReport report) {
        onEventLoop(() -> fireOnEventLoop(report));
    }

    private void fireOnEventLoop(SessionReport report) {
        if (!reportFired) {
            reportFired = true;
            ctx.fireChannelRead(report);
        }
    }

    /** Called by the session when it is over: closes this connection, unless it is draining after ABORT/REFUSED. */
    void close() {
        onEventLoop(() -> {
            if (frames == null || !frames.lingering()) {
                ctx.channel().close();
            }
        });
    }

    private void onEventLoop(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the server's event loops are stopping: the connection is being closed anyway
        }
    }

    private void refuse(String reason, String job) {
        if (refused) {
            return;
        }
        refused = true;
        cancelTimeout();
        ctx.channel().config().setAutoRead(false);
        SessionReport report = new SessionReport(job, "", String.valueOf(ctx.channel().remoteAddress()), identity,
                SessionResult.REFUSED, 0, 0, 0, 0, 0, 0, 0, 0, "", Duration.ofNanos(System.nanoTime() - startNanos),
                reason, SessionMode.SYNC);
        fireOnEventLoop(report);
        ByteBuf b = Wire.start(ctx.alloc(), FrameType.REFUSED, 128);
        Wire.writeString(b, Reasons.clip(reason));
        ctx.writeAndFlush(Wire.finish(b)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (frames != null) {
            frames.onWritabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimeout();
        if (session != null && !reportFired) {
            fireOnEventLoop(session.connectionLost());
        }
        if (frames != null) {
            frames.onClosed("");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String reason = describe(cause);
        if (frames == null) {
            if (ctx.channel().isActive()) {
                refuse(reason, "");
            }
            return;
        }
        ctx.channel().config().setAutoRead(false);
        frames.onError(reason);
    }

    static String describe(Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof TooLongFrameException) {
            return "frame too large (limit " + Wire.MAX_FRAME + " bytes): " + c.getMessage();
        }
        return Reasons.of(c);
    }

    private void cancelTimeout() {
        if (helloTimeout != null) {
            helloTimeout.cancel(false);
            helloTimeout = null;
        }
    }
}

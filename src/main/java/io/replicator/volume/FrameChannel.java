package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Blocking, flow-controlled view of one connection for a protocol thread. The Netty handler pushes
 * frames in ({@link #onFrame}); a worker thread takes them out ({@link #take}) and sends with
 * {@link #send}, which waits while the channel is not writable (so a slow peer slows us down instead
 * of filling memory). With inbound flow control, reading from the socket pauses (autoRead off) while
 * more than {@code highWater} bytes wait in the inbox. Blocking belongs on worker threads, never on
 * the event loop: that is why protocol logic runs on its own threads here.
 */
public final class FrameChannel {
    private static final long FLUSH_BYTES = 64 * 1024;
    private static final int SMALL_FRAME = 8 * 1024;
    private static final int BATCH = 64 * 1024;
    private static final Object CLOSED = new Object();
    private static final long KEEPALIVE_MAX_MS = 30_000;
    /** How long a connection this side ended keeps draining what the peer still sends (see {@link #lingerClose}). */
    static final Duration LINGER = Duration.ofSeconds(30);

    private final Channel channel;
    private final long highWater;
    private final Duration timeout;
    private final ArrayDeque<Object> inbox = new ArrayDeque<>();
    private long queuedBytes;
    private boolean paused;
    private String closeReason;
    private boolean protocolError;
    private long unflushed;
    private final Object sendLock = new Object();
    private volatile BandwidthLimiter limiter;
    private ByteBuf batch; // small frames not yet written, guarded by sendLock
    private long bytesSent;
    private long bytesReceived;
    private long lastHeard;
    private Frame lateAbort; // an ABORT/REFUSED that arrived after this side saw the connection end
    private volatile boolean lingering;

    /**
     * {@code highWater} 0: no inbound flow control (the peer bounds what it sends by protocol).
     * {@code timeout}: how long the peer may stay silent (no frame, not even PING) while this side
     * waits for one, and how long a send may wait for room. A PING goes out every third of it (at
     * most every 30 s), so long silent work (signing a huge file, a long commit) neither trips the
     * peer's wait nor the TLS-PSK idle timeout.
     */
    public FrameChannel(Channel channel, long highWater, Duration timeout) {
        this.channel = channel;
        this.highWater = highWater;
        this.timeout = timeout;
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024));
        long every = Math.max(1, Math.min(timeout.toMillis() / 3, KEEPALIVE_MAX_MS));
        ScheduledFuture<?> pings = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(Wire.empty(channel.alloc(), FrameType.PING), channel.voidPromise());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(f -> pings.cancel(false));
    }

    public Channel channel() {
        return channel;
    }

    /** Every later send first waits for the limiter (shared by the streams of one sync). */
    public void limit(BandwidthLimiter l) {
        this.limiter = l;
    }

    // ---- event loop side ----

    public synchronized void onFrame(Frame frame) {
        lastHeard = System.nanoTime();
        if (closeReason != null && lateAbort == null
                && (frame.type() == FrameType.ABORT || frame.type() == FrameType.REFUSED)) {
            lateAbort = frame; // the peer's reason, even if a failed write of ours ended the connection first
            notifyAll();
            return;
        }
        if (closeReason != null || frame.type() == FrameType.PING) {
            frame.release(); // a PING only proves the peer is alive
            notifyAll();
            return;
        }
        inbox.add(frame);
        int n = frame.payload().readableBytes() + 5;
        queuedBytes += n;
        bytesReceived += n;
        if (highWater > 0 && !paused && queuedBytes > highWater) {
            paused = true;
            channel.config().setAutoRead(false);
        }
        notifyAll();
    }

    public synchronized void onClosed(String reason) {
        if (closeReason == null) {
            closeReason = reason;
            inbox.add(CLOSED);
        }
        notifyAll();
    }

    /** The decoder refused the peer's bytes: the worker gets a ProtocolException with this reason. */
    public synchronized void onError(String reason) {
        if (closeReason == null) {
            protocolError = true;
        }
        onClosed(reason);
    }

    public synchronized void onWritabilityChanged() {
        notifyAll();
    }

    // ---- worker side ----

    /** The next frame; flushes pending writes first if it has to wait. ABORT becomes an exception. */
    public Frame take(String expecting) throws IOException {
        Frame f = poll(expecting);
        if (f.type() == FrameType.ABORT || f.type() == FrameType.REFUSED) {
            try {
                throw toAbort(f);
            } finally {
                f.release();
            }
        }
        return f;
    }

    /**
     * The peer's ABORT or REFUSED once this connection has closed too (waiting at most {@code max}):
     * a peer that aborts closes every connection of the session, and another one may close first.
     */
    public synchronized PeerAbortedException peerAbortAfterClose(java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (!inbox.contains(CLOSED) && System.nanoTime() < deadline) {
                waitNanos(deadline - System.nanoTime());
            }
        } catch (InterruptedIOException e) {
            // interrupted (the flag is set again): answer with what has arrived
        }
        return peerAbort();
    }

    /** An ABORT or REFUSED frame still waiting in the inbox (the reason behind a closed connection), or null. */
    public synchronized PeerAbortedException peerAbort() {
        if (lateAbort != null) {
            return toAbort(new Frame(lateAbort.type(), lateAbort.payload().duplicate()));
        }
        for (Object o : inbox) {
            if (o instanceof Frame f && (f.type() == FrameType.ABORT || f.type() == FrameType.REFUSED)) {
                return toAbort(new Frame(f.type(), f.payload().duplicate()));
            }
        }
        return null;
    }

    private static PeerAbortedException toAbort(Frame f) {
        boolean refused = f.type() == FrameType.REFUSED;
        String reason;
        try {
            reason = Wire.readString(f.payload(), "reason", 8192);
        } catch (ProtocolException e) {
            reason = "(unreadable reason: " + e.getMessage() + ")";
        }
        return new PeerAbortedException("destination " + (refused ? "refused" : "aborted") + " the session: " + reason,
                refused);
    }

    /** The next frame, which must be of {@code type}. */
    public Frame expect(FrameType type, String while_) throws IOException {
        Frame f = take(type + " " + while_);
        if (f.type() != type) {
            f.release();
            throw new ProtocolException("expected " + type + " " + while_ + " but got " + f.type());
        }
        return f;
    }

    private Frame poll(String expecting) throws IOException {
        if (isInboxEmpty()) {
            flush();
        }
        synchronized (this) {
            lastHeard = Math.max(lastHeard, System.nanoTime() - 1); // the wait starts now at the earliest
            while (inbox.isEmpty()) {
                long left = lastHeard + timeout.toNanos() - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("nothing from " + channel.remoteAddress() + " (not even a keepalive) for "
                            + timeout.toSeconds() + " s while waiting for " + expecting);
                }
                waitNanos(left);
            }
            Object o = inbox.peek();
            if (o == CLOSED) {
                if (protocolError) {
                    throw new ProtocolException(closeReason);
                }
                throw new ConnectionClosedException("connection to " + channel.remoteAddress() + " closed while waiting for "
                        + expecting + (closeReason.isEmpty() ? "" : ": " + closeReason));
            }
            inbox.poll();
            Frame f = (Frame) o;
            queuedBytes -= f.payload().readableBytes() + 5;
            if (paused && queuedBytes < highWater / 4) {
                paused = false;
                channel.config().setAutoRead(true);
            }
            return f;
        }
    }

    private synchronized boolean isInboxEmpty() {
        return inbox.isEmpty();
    }

    /**
     * Queues one finished frame (see {@link Wire#finish}); waits while the channel is not writable.
     * Small frames are copied into one batch buffer that goes out as a single write, so thousands of
     * small files do not cost an event-loop task (and a TLS record) per frame.
     */
    public void send(ByteBuf frame) throws IOException {
        queue(frame, Owner.CHANNEL);
    }

    /** Like {@link #send}, but the frame stays the caller's: its bytes are copied before this returns. */
    public void sendCopy(ByteBuf frame) throws IOException {
        queue(frame, Owner.CALLER);
    }

    /** Who releases a frame once it is queued: this channel, or the caller (which reuses it). */
    private enum Owner { CHANNEL, CALLER }

    private void queue(ByteBuf frame, Owner owner) throws IOException {
        int n = frame.readableBytes();
        if (limiter != null) {
            limiter.acquire(n);
        }
        if (!channel.isWritable()) {
            awaitWritable(frame, owner);
        }
        synchronized (this) {
            if (closeReason != null) {
                release(frame, owner);
                throw new ConnectionClosedException("connection to " + channel.remoteAddress() + " closed"
                        + (closeReason.isEmpty() ? "" : ": " + closeReason));
            }
            bytesSent += n;
            unflushed += n;
        }
        synchronized (sendLock) {
            if (n <= SMALL_FRAME) {
                if (batch != null && batch.writableBytes() < n) {
                    writeBatch();
                }
                if (batch == null) {
                    batch = channel.alloc().buffer(BATCH);
                }
                batch.writeBytes(frame, frame.readerIndex(), n);
                release(frame, owner);
            } else {
                writeBatch();
                ByteBuf out = owner == Owner.CHANNEL ? frame
                        : channel.alloc().buffer(n).writeBytes(frame, frame.readerIndex(), n);
                channel.write(out, channel.voidPromise());
            }
        }
        if (unflushed >= FLUSH_BYTES) {
            flush();
        }
    }

    private static void release(ByteBuf frame, Owner owner) {
        if (owner == Owner.CHANNEL) {
            frame.release();
        }
    }

    private void awaitWritable(ByteBuf frame, Owner owner) throws IOException {
        synchronized (sendLock) {
            writeBatch();
        }
        channel.flush();
        synchronized (this) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!channel.isWritable() && closeReason == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    release(frame, owner);
                    throw new IOException("peer " + channel.remoteAddress() + " accepted no data for "
                            + timeout.toSeconds() + " s");
                }
                waitNanos(Math.min(left, 100_000_000L));
            }
        }
    }

    private void writeBatch() {
        if (batch != null) {
            ByteBuf b = batch;
            batch = null;
            channel.write(b, channel.voidPromise());
        }
    }

    /** Sends everything queued so far. */
    public void flush() {
        synchronized (sendLock) {
            writeBatch();
        }
        synchronized (this) {
            if (unflushed == 0) {
                return;
            }
            unflushed = 0;
        }
        channel.flush();
    }

    /** Best effort: ABORT with a reason, then {@link #lingerClose}. */
    public void abort(String reason) {
        end(FrameType.ABORT, reason);
    }

    /** REFUSED with a reason (nothing was changed), then {@link #lingerClose}. */
    public void refuse(String reason) {
        end(FrameType.REFUSED, reason);
    }

    private void end(FrameType type, String reason) {
        ByteBuf b = Wire.start(channel.alloc(), type, 128);
        Wire.writeString(b, Reasons.clip(reason));
        synchronized (sendLock) {
            writeBatch();
        }
        channel.writeAndFlush(Wire.finish(b));
        lingerClose();
    }

    /** FIN after the last frame: the peer reads it, then the end of the stream, and closes. */
    private void shutdownOutput() {
        if (channel instanceof io.netty.channel.socket.DuplexChannel d && channel.isActive()) {
            d.shutdownOutput();
        }
    }

    /**
     * Ends the connection without a TCP reset. Closing a socket that has unread bytes makes the
     * kernel answer with RST, and a peer that is still sending then sees its write fail before it
     * reads our ABORT: it would only know "connection closed", not why (disk full, read-only). So
     * the threads of this side see the connection closed at once, while the channel keeps reading
     * and dropping what the peer still sends, and closes when the peer does or after {@link #LINGER}
     * (its output is shut down after what was queued, so the peer reads that, then the end of the
     * stream, and closes at once).
     */
    public void lingerClose() {
        lingering = true;
        onClosed("ended by this side");
        synchronized (sendLock) {
            writeBatch();
        }
        channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(f -> shutdownOutput());
        channel.eventLoop().execute(() -> {
            channel.config().setAutoRead(true);
            channel.read();
        });
        ScheduledFuture<?> close = channel.eventLoop().schedule(() -> {
            channel.close();
        }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(f -> close.cancel(false));
    }

    /** Whether {@link #lingerClose} is draining this connection (it closes on its own). */
    public boolean lingering() {
        return lingering;
    }

    /** Flushes and closes; a connection that is draining after ABORT/REFUSED closes on its own. */
    public void close() {
        if (lingering) {
            return;
        }
        flush();
        channel.close();
    }


    public synchronized long bytesSent() {
        return bytesSent;
    }

    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    private void waitNanos(long nanos) throws InterruptedIOException {
        try {
            wait(Math.max(1, nanos / 1_000_000), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on " + channel.remoteAddress());
        }
    }
}

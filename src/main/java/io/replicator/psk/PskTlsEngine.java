package io.replicator.psk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * One BouncyCastle TLS connection in non-blocking mode, fed and drained with Netty buffers.
 * Not thread-safe: used from the channel's event loop only.
 *
 * <p>Input is cut into whole records before it reaches BC: {@code offerInput} with exactly one
 * record takes BC's fast path (decrypt straight from our array) instead of copying everything
 * through its internal queue, and memory per connection stays bounded by one record.
 */
final class PskTlsEngine {
    private static final int HEADER = 5;
    /** TLS 1.3 limit: 2^14 plaintext + 256 bytes of expansion. Longer records make BC raise record_overflow. */
    private static final int MAX_RECORD = HEADER + (1 << 14) + 256;
    static final int SCRATCH_SIZE = 64 * 1024;
    /** Copy space for direct buffers (BC wants byte[]); per event-loop thread, never held across calls. */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };

    private final TlsProtocol protocol;
    private ByteBuf partial;

    private PskTlsEngine(TlsProtocol protocol) {
        this.protocol = protocol;
    }

    static PskTlsEngine server(PskKeyRing ring, HandshakeFacts facts) throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol();
        protocol.accept(new PskTlsServerPeer(ring, facts));
        return new PskTlsEngine(protocol);
    }

    /** Starts the handshake: the ClientHello is waiting in {@link #drainOutput}. */
    static PskTlsEngine client(PskKey key, HandshakeFacts facts) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol();
        protocol.connect(new PskTlsClientPeer(key, facts));
        return new PskTlsEngine(protocol);
    }

    /** Decrypts every whole record in {@code in} (consuming it all); keeps a partial record for next time. */
    void offer(ByteBuf in, ByteBufAllocator alloc) throws IOException {
        if (partial != null && partial.isReadable()) {
            if (!completePartial(in)) {
                return;
            }
            offerRecord(partial, partial.readerIndex(), partial.readableBytes());
            partial.clear();
        }
        while (in.readableBytes() >= HEADER && !protocol.isClosed()) {
            int length = HEADER + in.getUnsignedShort(in.readerIndex() + 3);
            if (length > MAX_RECORD) {
                offerRecord(in, in.readerIndex(), HEADER); // BC checks the header and raises record_overflow
                return;
            }
            if (in.readableBytes() < length) {
                break;
            }
            offerRecord(in, in.readerIndex(), length);
            in.skipBytes(length);
        }
        if (in.isReadable() && !protocol.isClosed()) {
            if (partial == null) {
                partial = alloc.heapBuffer(MAX_RECORD, MAX_RECORD);
            }
            partial.writeBytes(in);
        }
        in.skipBytes(in.readableBytes());
    }

    /** Moves bytes from {@code in} into {@code partial} until it holds one whole record. */
    private boolean completePartial(ByteBuf in) throws IOException {
        if (partial.readableBytes() < HEADER) {
            partial.writeBytes(in, Math.min(HEADER - partial.readableBytes(), in.readableBytes()));
            if (partial.readableBytes() < HEADER) {
                return false;
            }
        }
        int length = HEADER + partial.getUnsignedShort(partial.readerIndex() + 3);
        if (length > MAX_RECORD) {
            offerRecord(partial, partial.readerIndex(), HEADER);
            return false;
        }
        partial.writeBytes(in, Math.min(length - partial.readableBytes(), in.readableBytes()));
        return partial.readableBytes() == length;
    }

    private void offerRecord(ByteBuf buf, int index, int length) throws IOException {
        if (buf.hasArray()) {
            protocol.offerInput(buf.array(), buf.arrayOffset() + index, length);
        } else {
            byte[] scratch = SCRATCH.get();
            buf.getBytes(index, scratch, 0, length);
            protocol.offerInput(scratch, 0, length);
        }
    }

    /** Encrypts all of {@code plain} (not released here); the records wait in {@link #drainOutput}. */
    void writeApplicationData(ByteBuf plain) throws IOException {
        int index = plain.readerIndex();
        int remaining = plain.readableBytes();
        if (plain.hasArray()) {
            protocol.writeApplicationData(plain.array(), plain.arrayOffset() + index, remaining);
            return;
        }
        byte[] scratch = SCRATCH.get();
        while (remaining > 0) {
            int n = Math.min(remaining, scratch.length);
            plain.getBytes(index, scratch, 0, n);
            protocol.writeApplicationData(scratch, 0, n);
            index += n;
            remaining -= n;
        }
    }

    /** Encrypted bytes to send (handshake, records, alerts), or null when there are none. */
    ByteBuf drainOutput(ByteBufAllocator alloc) {
        int n = protocol.getAvailableOutputBytes();
        if (n == 0) {
            return null;
        }
        ByteBuf out = alloc.directBuffer(n);
        protocol.readOutput(out.internalNioBuffer(out.writerIndex(), n), n);
        out.writerIndex(out.writerIndex() + n);
        return out;
    }

    /** Decrypted application data, or null when there is none. */
    ByteBuf readApplicationData(ByteBufAllocator alloc) {
        int n = protocol.getAvailableInputBytes();
        if (n == 0) {
            return null;
        }
        ByteBuf out = alloc.buffer(n);
        protocol.readInput(out.internalNioBuffer(out.writerIndex(), n), n);
        out.writerIndex(out.writerIndex() + n);
        return out;
    }

    /** Queues our close_notify. */
    void closeOutbound() throws IOException {
        protocol.close();
    }

    /** Tells BC the TCP stream ended; throws (e.g. TlsNoCloseNotifyException) if that was premature. */
    void closeInput() throws IOException {
        protocol.closeInput();
    }

    boolean isClosed() {
        return protocol.isClosed();
    }

    void release() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}

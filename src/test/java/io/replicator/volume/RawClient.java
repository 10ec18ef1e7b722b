package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A hand-driven protocol client over a plain socket, for sending frames a real source never would. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(ByteBuf frame) throws IOException {
        byte[] b = new byte[frame.readableBytes()];
        frame.readBytes(b);
        frame.release();
        out.write(b);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void hello(String job) throws IOException {
        send(new Hello(Wire.VERSION, job, io.replicator.delta.LiteralCompression.NONE, ChecksumMode.QUICK, 1, XattrMode.OFF, List.of())
                .encode(ByteBufAllocator.DEFAULT));
    }

    /** HELLO then WELCOME. */
    void open(String job) throws IOException {
        hello(job);
        Frame w = read();
        if (w.type() != FrameType.WELCOME) {
            throw new AssertionError("expected WELCOME, got " + w.type() + " " + reason(w));
        }
    }

    void list(List<FileEntry> entries) throws IOException {
        ByteBuf body = Unpooled.buffer();
        entries.forEach(e -> FileListCodec.writeEntry(body, e, Wire.VERSION));
        send(FileListCodec.frame(ByteBufAllocator.DEFAULT, body, entries.size()));
        ByteBuf end = Wire.start(ByteBufAllocator.DEFAULT, FrameType.LIST_END, 4);
        end.writeInt(entries.size());
        send(Wire.finish(end));
    }

    /** The next frame other than a keepalive PING. */
    Frame read() throws IOException {
        while (true) {
            int length = in.readInt();
            byte[] b = new byte[length];
            in.readFully(b);
            FrameType type = FrameType.of(b[0] & 0xFF);
            if (type != FrameType.PING) {
                return new Frame(type, Unpooled.wrappedBuffer(b, 1, length - 1));
            }
        }
    }

    /** The REFUSED reason the server answers with (fails if it answers anything else). */
    String refusal() throws IOException {
        Frame f = read();
        if (f.type() != FrameType.REFUSED) {
            throw new AssertionError("expected REFUSED, got " + f.type());
        }
        return reason(f);
    }

    /** True once the server closed the connection. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    static String reason(Frame f) {
        ByteBuf p = f.payload().duplicate();
        int n = p.readUnsignedShort();
        return p.readCharSequence(n, StandardCharsets.UTF_8).toString();
    }

    static FileEntry dir(String path) {
        return new FileEntry(path, EntryType.DIR, 0755, 0, 0, 0, 1_000_000_000L, null, -1, null);
    }

    static FileEntry file(String path, long size) {
        return new FileEntry(path, EntryType.FILE, 0644, 0, 0, size, 1_000_000_000L, null, -1, null);
    }

    static FileEntry symlink(String path, String target) {
        return new FileEntry(path, EntryType.SYMLINK, 0777, 0, 0, 0, 1_000_000_000L, target, -1, null);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

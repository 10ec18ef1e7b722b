package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Constants and field helpers of the volume protocol. Every read checks the bytes are there and
 * the value is in bounds before use, and names the field when it is not.
 */
public final class Wire {
    /** "VREP": first field of HELLO and JOIN, so a stray client is told what it reached. */
    public static final int MAGIC = 0x56524550;
    /**
     * The protocol version a source speaks. Version 2 carries names and symlink targets as raw
     * bytes and lets deltas carry zero runs; a destination also accepts {@link #OLDEST_VERSION}
     * (a source not yet upgraded), whose sessions simply have none of version 2's additions.
     */
    public static final int VERSION = 2;
    /** The oldest version a destination accepts. */
    public static final int OLDEST_VERSION = 1;
    /** Largest type + payload of one frame; LIST and data chunks stay below it. */
    public static final int MAX_FRAME = (1 << 20) + 1;
    /** Size of the data chunks (delta and signature encodings) the senders cut. */
    public static final int CHUNK = 256 * 1024;
    public static final int SESSION_ID_LENGTH = 16;

    private Wire() {
    }

    /** A buffer holding the frame header (length filled in by {@link #finish}) and room for the payload. */
    public static ByteBuf start(ByteBufAllocator alloc, FrameType type, int payloadHint) {
        return restart(alloc.buffer(5 + payloadHint), type);
    }

    /** {@code reused}, emptied and holding a new frame header (length filled in by {@link #finish}). */
    static ByteBuf restart(ByteBuf reused, FrameType type) {
        reused.clear();
        reused.writeInt(0);
        reused.writeByte(type.code());
        return reused;
    }

    public static ByteBuf finish(ByteBuf frame) {
        int length = frame.readableBytes() - 4;
        if (length > MAX_FRAME) {
            frame.release();
            throw new IllegalStateException("frame of " + length + " bytes exceeds " + MAX_FRAME);
        }
        frame.setInt(frame.readerIndex(), length);
        return frame;
    }

    public static ByteBuf empty(ByteBufAllocator alloc, FrameType type) {
        return finish(start(alloc, type, 0));
    }

    /** Whether a destination of this build accepts sessions of that version. */
    public static boolean accepts(int version) {
        return version >= OLDEST_VERSION && version <= VERSION;
    }

    /** For messages: the versions this side accepts. */
    public static String accepted() {
        return OLDEST_VERSION == VERSION ? String.valueOf(VERSION) : OLDEST_VERSION + " to " + VERSION;
    }

    public static void writeString(ByteBuf buf, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + b.length + " bytes does not fit a u16 length");
        }
        buf.writeShort(b.length);
        buf.writeBytes(b);
    }

    /** A u16-length UTF-8 string of at most {@code max} bytes; malformed UTF-8 is refused. */
    public static String readString(ByteBuf buf, String field, int max) throws ProtocolException {
        int n = u16(buf, field + " length");
        if (n > max) {
            throw new ProtocolException(field + ": " + n + " bytes, more than the limit of " + max);
        }
        need(buf, n, field);
        byte[] b = new byte[n];
        buf.readBytes(b);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(field + ": not valid UTF-8");
        }
    }

    /**
     * A file name, path or symlink target ({@link RawNames} String form): raw bytes from version 2
     * on; version 1 carries only UTF-8, so a name that is not fails here, naming it.
     */
    static void writeName(ByteBuf buf, String name, int version) {
        if (version >= 2) {
            byte[] b = RawNames.encode(name);
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("name of " + b.length + " bytes does not fit a u16 length");
            }
            buf.writeShort(b.length);
            buf.writeBytes(b);
        } else if (RawNames.isUtf8(name)) {
            writeString(buf, name);
        } else {
            throw new IllegalArgumentException("name " + PathGuard.quote(name) + " is not valid UTF-8, and protocol "
                    + "version " + version + " carries only UTF-8 names");
        }
    }

    /** A u16-length name of at most {@code max} bytes: raw bytes from version 2 on, UTF-8 in version 1. */
    static String readName(ByteBuf buf, String field, int max, int version) throws ProtocolException {
        if (version < 2) {
            return readString(buf, field, max);
        }
        int n = u16(buf, field + " length");
        if (n > max) {
            throw new ProtocolException(field + ": " + n + " bytes, more than the limit of " + max);
        }
        return RawNames.decode(bytes(buf, n, field));
    }

    public static int u8(ByteBuf buf, String field) throws ProtocolException {
        need(buf, 1, field);
        return buf.readUnsignedByte();
    }

    public static int u16(ByteBuf buf, String field) throws ProtocolException {
        need(buf, 2, field);
        return buf.readUnsignedShort();
    }

    public static int i32(ByteBuf buf, String field) throws ProtocolException {
        need(buf, 4, field);
        return buf.readInt();
    }

    public static long i64(ByteBuf buf, String field) throws ProtocolException {
        need(buf, 8, field);
        return buf.readLong();
    }

    public static byte[] bytes(ByteBuf buf, int n, String field) throws ProtocolException {
        need(buf, n, field);
        byte[] b = new byte[n];
        buf.readBytes(b);
        return b;
    }

    /** An int in [min, max], named in the error otherwise. */
    public static int range(int value, int min, int max, String field) throws ProtocolException {
        if (value < min || value > max) {
            throw new ProtocolException(field + " = " + value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    public static void need(ByteBuf buf, int n, String field) throws ProtocolException {
        if (buf.readableBytes() < n) {
            throw new ProtocolException("truncated frame while reading " + field + " (needs " + n
                    + " bytes, " + buf.readableBytes() + " left)");
        }
    }

    /** Refuses trailing bytes after the last field: a frame is exactly its fields. */
    public static void end(ByteBuf buf, FrameType type) throws ProtocolException {
        if (buf.isReadable()) {
            throw new ProtocolException(type + " frame has " + buf.readableBytes() + " unexpected trailing bytes");
        }
    }
}

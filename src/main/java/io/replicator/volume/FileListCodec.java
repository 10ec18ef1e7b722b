package io.replicator.volume;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * LIST frames: a batch of entries, zstd-compressed when that is smaller (a file list compresses
 * about 5-10x, which keeps it far below rsync's on an incremental run). Payload: u8 codec (0 raw,
 * 1 zstd), u32 raw length (at most {@link #MAX_RAW}), u32 entry count, body. Decompression goes into
 * a buffer of exactly the announced raw length, so a hostile frame cannot inflate beyond it.
 */
public final class FileListCodec {
    /** Raw bytes of one batch; a sender cuts batches at about {@link #BATCH_BYTES}. */
    public static final int MAX_RAW = 512 * 1024;
    public static final int BATCH_BYTES = 128 * 1024;
    private static final int ZSTD_LEVEL = 3;
    private static final int HAS_SHA = 0x80;
    private static final int HAS_XATTRS = 0x40;

    private FileListCodec() {
    }

    /** One entry in the given protocol version's encoding (names as raw bytes from version 2 on). */
    public static void writeEntry(ByteBuf body, FileEntry e, int version) {
        body.writeByte(e.type().ordinal() | (e.sha256() != null ? HAS_SHA : 0) | (e.xattrs() != null ? HAS_XATTRS : 0));
        Wire.writeName(body, e.path(), version);
        body.writeInt(e.mode());
        body.writeInt(e.uid());
        body.writeInt(e.gid());
        body.writeLong(e.size());
        body.writeLong(e.mtimeNanos());
        if (e.type() == EntryType.SYMLINK) {
            Wire.writeName(body, e.linkTarget(), version);
        } else if (e.type() == EntryType.HARDLINK) {
            body.writeInt(e.primary());
        }
        if (e.sha256() != null) {
            body.writeBytes(e.sha256());
        }
        if (e.xattrs() != null) {
            Xattrs.encode(body, e.xattrs());
        }
    }

    /** One LIST frame from a raw body of {@code count} entries (released here). */
    public static ByteBuf frame(ByteBufAllocator alloc, ByteBuf body, int count) {
        try {
            byte[] raw = new byte[body.readableBytes()];
            body.getBytes(body.readerIndex(), raw);
            byte[] packed = Zstd.compress(raw, ZSTD_LEVEL);
            boolean zstd = packed.length < raw.length;
            byte[] payload = zstd ? packed : raw;
            ByteBuf f = Wire.start(alloc, FrameType.LIST, 9 + payload.length);
            f.writeByte(zstd ? 1 : 0);
            f.writeInt(raw.length);
            f.writeInt(count);
            f.writeBytes(payload);
            return Wire.finish(f);
        } finally {
            body.release();
        }
    }

    /** Decodes one LIST payload, handing each entry to {@code sink}; returns the entry count. */
    public static int decode(ByteBuf payload, EntryLimits limits, int version, Consumer<FileEntry> sink)
            throws ProtocolException {
        int codec = Wire.range(Wire.u8(payload, "LIST codec"), 0, 1, "LIST codec");
        int rawLength = Wire.range(Wire.i32(payload, "LIST raw length"), 0, MAX_RAW, "LIST raw length");
        int count = Wire.range(Wire.i32(payload, "LIST entry count"), 0, rawLength, "LIST entry count");
        ByteBuf body = codec == 0 ? payload : inflate(payload, rawLength);
        try {
            if (codec == 0 && body.readableBytes() != rawLength) {
                throw new ProtocolException("LIST raw body is " + body.readableBytes() + " bytes, header says " + rawLength);
            }
            for (int i = 0; i < count; i++) {
                sink.accept(readEntry(body, limits, version));
            }
            Wire.end(body, FrameType.LIST);
            return count;
        } finally {
            if (body != payload) {
                body.release();
            }
        }
    }

    private static ByteBuf inflate(ByteBuf payload, int rawLength) throws ProtocolException {
        byte[] src = new byte[payload.readableBytes()];
        payload.readBytes(src);
        byte[] dst = new byte[rawLength];
        long n;
        try {
            n = Zstd.decompressByteArray(dst, 0, rawLength, src, 0, src.length);
        } catch (ZstdException | IllegalArgumentException e) {
            throw new ProtocolException("LIST body does not decompress: " + e.getMessage());
        }
        if (n != rawLength) {
            throw new ProtocolException("LIST body decompresses to " + n + " bytes, header says " + rawLength);
        }
        return Unpooled.wrappedBuffer(dst);
    }

    private static FileEntry readEntry(ByteBuf b, EntryLimits limits, int version) throws ProtocolException {
        int typeByte = Wire.u8(b, "entry type");
        EntryType type = EntryType.of(typeByte & ~(HAS_SHA | HAS_XATTRS));
        String path = Wire.readName(b, "entry path", limits.maxPathBytes(), version);
        int mode = Wire.i32(b, "entry mode");
        if ((mode & ~07777) != 0) {
            throw new ProtocolException("entry " + path + ": mode 0" + Integer.toOctalString(mode)
                    + " has bits outside 07777");
        }
        int uid = Wire.i32(b, "entry uid");
        int gid = Wire.i32(b, "entry gid");
        long size = Wire.i64(b, "entry size");
        if (size < 0 || size > io.replicator.delta.DeltaFormat.MAX_FILE_LENGTH) {
            throw new ProtocolException("entry " + path + ": size " + size + " is out of range");
        }
        long mtime = Wire.i64(b, "entry mtime");
        String target = null;
        int primary = -1;
        if (type == EntryType.SYMLINK) {
            target = Wire.readName(b, "entry " + PathGuard.quote(path) + " symlink target", limits.maxLinkTarget(),
                    version);
            if (target.isEmpty() || target.indexOf('\0') >= 0) {
                throw new ProtocolException("entry " + path + ": symlink target is empty or contains NUL");
            }
        } else if (type == EntryType.HARDLINK) {
            primary = Wire.i32(b, "entry " + path + " hardlink primary");
        }
        byte[] sha = null;
        if ((typeByte & HAS_SHA) != 0) {
            if (type != EntryType.FILE) {
                throw new ProtocolException("entry " + path + ": only FILE entries carry a SHA-256");
            }
            sha = Wire.bytes(b, 32, "entry " + path + " sha256");
        }
        java.util.Map<String, byte[]> xattrs = null;
        if ((typeByte & HAS_XATTRS) != 0) {
            if (type != EntryType.FILE && type != EntryType.DIR) {
                throw new ProtocolException("entry " + path + ": only FILE and DIR entries carry xattrs");
            }
            xattrs = Xattrs.decode(b, path);
        }
        return new FileEntry(path, type, mode, uid, gid, size, mtime, target, primary, sha, xattrs);
    }

    /** Raw body bytes of a batch so far, to decide when to cut a frame. */
    public static boolean full(ByteBuf body) {
        return body.readableBytes() >= BATCH_BYTES;
    }
}

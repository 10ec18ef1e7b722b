package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.replicator.delta.LiteralCompression;
import java.util.ArrayList;
import java.util.List;

/**
 * HELLO, the first frame of a session: magic, protocol version, job name and the options the
 * source asks for. The version is checked before anything else is decoded, so a future version is
 * told clearly which versions this side accepts. {@code version} is the session's: a destination
 * accepts {@link Wire#OLDEST_VERSION} to {@link Wire#VERSION} and answers in the source's version.
 * Version 2 adds, after the excludes, the session's mode (sync, dry run, check) and its delete
 * limits; a version 1 HELLO has neither and means SYNC with no limits of the source's own (the
 * destination's own max-delete and the empty-source guard still apply).
 */
public record Hello(int version, String job, LiteralCompression compression, ChecksumMode checksum, int streams,
                    XattrMode xattrs, List<String> excludes, SessionMode mode, VolumeDeleteLimits deletes) {
    public static final int MAX_JOB_NAME = 253;
    public static final int MAX_STREAMS = 16;
    public static final int MAX_EXCLUDES = 256;
    public static final int MAX_EXCLUDE_LENGTH = 1024;

    public Hello {
        excludes = List.copyOf(excludes);
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(deletes, "deletes");
        if (version < 2 && (mode != SessionMode.SYNC || !deletes.equals(VolumeDeleteLimits.NONE))) {
            // a version 1 HELLO cannot say "dry run": sent anyway, it would ask for a sync
            throw new IllegalArgumentException(mode.label() + " and delete limits need protocol version 2, not "
                    + version);
        }
    }

    /** A sync with no delete limits of the source's own. */
    public Hello(int version, String job, LiteralCompression compression, ChecksumMode checksum, int streams,
                 XattrMode xattrs, List<String> excludes) {
        this(version, job, compression, checksum, streams, xattrs, excludes, SessionMode.SYNC, VolumeDeleteLimits.NONE);
    }

    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf b = Wire.start(alloc, FrameType.HELLO, 256);
        b.writeInt(Wire.MAGIC);
        b.writeShort(version);
        Wire.writeString(b, job);
        boolean zstd = compression.codec() == LiteralCompression.Codec.ZSTD;
        b.writeByte(zstd ? 1 : 0);
        b.writeByte(zstd ? compression.level() : 0);
        b.writeByte(checksum.ordinal());
        b.writeByte(streams);
        b.writeByte(xattrs == XattrMode.USER ? 1 : 0);
        b.writeShort(excludes.size());
        excludes.forEach(e -> Wire.writeString(b, e));
        if (version >= 2) {
            b.writeByte(mode.ordinal());
            b.writeByte(deletes.allowEmptySource() ? 1 : 0);
            b.writeLong(deletes.maxCount() == null ? -1 : deletes.maxCount());
            b.writeInt(deletes.percentBasisPoints());
        }
        return Wire.finish(b);
    }

    public static Hello decode(ByteBuf b) throws ProtocolException {
        int version = checkMagicAndVersion(b, "HELLO");
        String job = Wire.readString(b, "HELLO job name", MAX_JOB_NAME);
        int codec = Wire.range(Wire.u8(b, "HELLO compression"), 0, 1, "HELLO compression");
        int level = b.isReadable() ? b.readByte() : 0;
        LiteralCompression compression = codec == 1
                ? LiteralCompression.zstd(Wire.range(level, -7, 22, "HELLO zstd level")) : LiteralCompression.NONE;
        int checksum = Wire.range(Wire.u8(b, "HELLO checksum mode"), 0, ChecksumMode.values().length - 1,
                "HELLO checksum mode");
        int streams = Wire.range(Wire.u8(b, "HELLO streams"), 1, MAX_STREAMS, "HELLO streams");
        int options = Wire.range(Wire.u8(b, "HELLO options"), 0, 1, "HELLO options");
        int count = Wire.range(Wire.u16(b, "HELLO exclude count"), 0, MAX_EXCLUDES, "HELLO exclude count");
        List<String> excludes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            excludes.add(Wire.readString(b, "HELLO exclude " + i, MAX_EXCLUDE_LENGTH));
        }
        SessionMode mode = SessionMode.SYNC;
        VolumeDeleteLimits deletes = VolumeDeleteLimits.NONE;
        if (version >= 2) {
            mode = SessionMode.values()[Wire.range(Wire.u8(b, "HELLO mode"), 0, SessionMode.values().length - 1,
                    "HELLO mode")];
            int flags = Wire.range(Wire.u8(b, "HELLO delete flags"), 0, 1, "HELLO delete flags");
            long maxCount = Wire.i64(b, "HELLO max-delete count");
            if (maxCount < -1) {
                throw new ProtocolException("HELLO max-delete count " + maxCount + " is negative");
            }
            int percent = Wire.range(Wire.i32(b, "HELLO max-delete percent"), -1, 10_000, "HELLO max-delete percent");
            deletes = new VolumeDeleteLimits(maxCount < 0 ? null : maxCount, VolumeDeleteLimits.fromBasisPoints(percent),
                    flags == 1 ? VolumeDeleteLimits.EmptySource.ALLOW : VolumeDeleteLimits.EmptySource.REFUSE);
        }
        Wire.end(b, FrameType.HELLO);
        return new Hello(version, job, compression, ChecksumMode.values()[checksum], streams,
                options == 1 ? XattrMode.USER : XattrMode.OFF, excludes, mode, deletes);
    }

    /** Reads magic and version; an unknown version is refused with the ones this side accepts. */
    static int checkMagicAndVersion(ByteBuf b, String what) throws ProtocolException {
        int magic = Wire.i32(b, what + " magic");
        if (magic != Wire.MAGIC) {
            throw new ProtocolException(what + ": bad magic 0x" + Integer.toHexString(magic)
                    + " (not a camel-replicator volume client?)");
        }
        int version = Wire.u16(b, what + " protocol version");
        if (!Wire.accepts(version)) {
            throw new ProtocolException(what + ": protocol version " + version + " is not supported (this side accepts "
                    + Wire.accepted() + ")");
        }
        return version;
    }
}

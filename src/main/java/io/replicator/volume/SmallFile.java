package io.replicator.volume;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.replicator.delta.LiteralCompression;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * WHOLE_FILE: a small file (at most {@link #MAX} bytes) the destination asked for whole, in one
 * frame: u32 index, u8 codec (0 raw, 1 zstd), u32 raw length, u32 data length, data, 32-byte
 * SHA-256. Most files of a volume are small, and for them the general path (a delta encoding in
 * DATA chunks through PatchSession) costs a native zstd context and a few hundred KiB of buffers
 * per file; this path reuses one set of buffers and contexts per stream, the frame's included (a
 * pooled buffer per frame cost ~2 us of a cold source's ~25 us per file). One instance per stream
 * thread (not thread-safe); close it to free the native contexts.
 */
final class SmallFile implements AutoCloseable {
    static final int MAX = 128 * 1024;
    private static final int HOLE = 4096;
    private static final byte[] ZEROS = new byte[HOLE];

    private final byte[] raw = new byte[MAX];
    private final byte[] packed = new byte[(int) Zstd.compressBound(MAX)];
    private ZstdCompressCtx compressor;
    private ZstdDecompressCtx decompressor;
    private int lastLength;
    private final MessageDigest sha = FileHashes.newSha256();
    private ByteBuf frame; // the source's, made on first use: the destination decodes into raw only

    // ---- source ----

    /**
     * Reads the whole file (exactly {@code length} bytes) and builds the frame, in this instance's
     * buffer: it stays valid until the next call (send it with {@link FrameChannel#sendCopy}).
     */
    ByteBuf encode(int index, FileChannel file, String path, int length, LiteralCompression compression)
            throws IOException {
        SourceFileInput in = new SourceFileInput(file, path, length);
        int n = 0;
        while (n < length) {
            int r = in.read(raw, n, length - n);
            if (r < 0) {
                throw new SourceChangedException(path + " shrank while being read");
            }
            n += r;
        }
        sha.reset();
        sha.update(raw, 0, length);
        int codec = 0;
        byte[] data = raw;
        int dataLength = length;
        boolean zstdOn = compression.codec() == LiteralCompression.Codec.ZSTD;
        if ((zstdOn || hasZeroBlock(length)) && length > 64) {
            if (compressor == null) { // without compression, zstd 1 only for files with zero blocks (holes)
                compressor = new ZstdCompressCtx().setLevel(zstdOn ? compression.level() : 1);
            }
            int c = compressor.compressByteArray(packed, 0, packed.length, raw, 0, length);
            if (c < length) {
                codec = 1;
                data = packed;
                dataLength = c;
            }
        }
        if (frame == null) {
            frame = Unpooled.buffer(5 + 13 + packed.length + 32);
        }
        ByteBuf b = Wire.restart(frame, FrameType.WHOLE_FILE);
        b.writeInt(index);
        b.writeByte(codec);
        b.writeInt(length);
        b.writeInt(dataLength);
        b.writeBytes(data, 0, dataLength);
        b.writeBytes(sha.digest());
        return Wire.finish(b);
    }

    /** Whether raw[0, length) has an all-zero 4 KiB block: such a file crosses zstd-compressed even without compression. */
    private boolean hasZeroBlock(int length) {
        for (int at = 0; at + HOLE <= length; at += HOLE) {
            if (Arrays.mismatch(raw, at, at + HOLE, ZEROS, 0, HOLE) < 0) {
                return true;
            }
        }
        return false;
    }

    // ---- destination ----

    /**
     * Decodes and verifies a WHOLE_FILE frame into this instance's buffer; false if the SHA-256 did
     * not match (the caller asks for a resend). Then {@link #writeTemporary} or {@link #writeNew}.
     */
    boolean decode(ByteBuf b, int expectedIndex) throws IOException {
        int index = Wire.i32(b, "WHOLE_FILE index");
        if (index != expectedIndex) {
            throw new ProtocolException("WHOLE_FILE for entry " + index + " but entry " + expectedIndex
                    + " was requested first on this stream");
        }
        int codec = Wire.range(Wire.u8(b, "WHOLE_FILE codec"), 0, 1, "WHOLE_FILE codec");
        int length = Wire.range(Wire.i32(b, "WHOLE_FILE raw length"), 0, MAX, "WHOLE_FILE raw length");
        int dataLength = Wire.range(Wire.i32(b, "WHOLE_FILE data length"), 0, packed.length, "WHOLE_FILE data length");
        if (codec == 0 && dataLength != length) {
            throw new ProtocolException("WHOLE_FILE raw data of " + dataLength + " bytes, header says " + length);
        }
        Wire.need(b, dataLength + 32, "WHOLE_FILE data");
        if (codec == 0) {
            b.readBytes(raw, 0, length);
        } else {
            b.readBytes(packed, 0, dataLength);
            inflate(dataLength, length);
        }
        byte[] expected = Wire.bytes(b, 32, "WHOLE_FILE sha256");
        Wire.end(b, FrameType.WHOLE_FILE);
        sha.reset();
        sha.update(raw, 0, length);
        if (!MessageDigest.isEqual(sha.digest(), expected)) {
            return false;
        }
        lastLength = length;
        return true;
    }

    /**
     * Writes the decoded file to a new temporary next to {@code target}, created with {@code mode}
     * when the umask keeps it ({@link Umask#keeps}); returns the temporary.
     */
    Path writeTemporary(Path target, int mode) throws IOException {
        return TempNames.create(target, temp -> writeSparse(temp, lastLength, mode));
    }

    /** Writes the decoded file to {@code file}, which must not exist (in a staged directory). */
    Path writeNew(Path file, int mode) throws IOException {
        return writeSparse(file, lastLength, mode);
    }

    /** Length of the file the last {@link #decode} verified. */
    int lastLength() {
        return lastLength;
    }

    private void inflate(int dataLength, int length) throws ProtocolException {
        if (decompressor == null) {
            decompressor = new ZstdDecompressCtx();
        }
        int n;
        try {
            n = decompressor.decompressByteArray(raw, 0, length, packed, 0, dataLength);
        } catch (ZstdException | IllegalArgumentException e) {
            throw new ProtocolException("WHOLE_FILE data does not decompress: " + e.getMessage());
        }
        if (n != length) {
            throw new ProtocolException("WHOLE_FILE data decompresses to " + n + " bytes, header says " + length);
        }
    }

    /** Writes raw[0, length) into a new file, all-zero 4 KiB blocks left as holes. */
    private Path writeSparse(Path file, int length, int mode) throws IOException {
        java.util.Set<StandardOpenOption> options = java.util.EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        java.nio.file.attribute.FileAttribute<?>[] attrs = Umask.keeps(mode)
                ? new java.nio.file.attribute.FileAttribute<?>[]{Umask.attribute(mode)}
                : new java.nio.file.attribute.FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(file, options, attrs);
        int run = -1;
        try (ch) {
            for (int at = 0; at < length; at += HOLE) {
                int n = Math.min(HOLE, length - at);
                boolean zero = Arrays.mismatch(raw, at, at + n, ZEROS, 0, n) < 0;
                if (!zero && run < 0) {
                    run = at;
                } else if (zero && run >= 0) {
                    writeAt(ch, run, at - run);
                    run = -1;
                }
            }
            if (run >= 0) {
                writeAt(ch, run, length - run);
            }
            io.replicator.delta.FileExtension.extend(ch, file, length); // trailing zeros: a hole
        } catch (IOException e) {
            java.nio.file.Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private void writeAt(FileChannel ch, int from, int n) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(raw, from, n);
        long at = from;
        while (src.hasRemaining()) {
            at += ch.write(src, at);
        }
    }

    @Override
    public void close() {
        if (compressor != null) {
            compressor.close();
        }
        if (decompressor != null) {
            decompressor.close();
        }
    }
}

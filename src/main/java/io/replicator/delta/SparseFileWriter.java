package io.replicator.delta;

import java.io.IOException;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Sequential writer of a new file that keeps zero runs sparse: every 4 KiB-aligned block of zeros is
 * skipped by advancing the write position instead of written (like rsync --sparse), and the final
 * length is set with setLength, so a trailing zero run is a hole too. Writes are staged in an aligned
 * 256 KiB buffer, so holes do not depend on how callers chunk their writes (block-sized copies,
 * 64 KiB literals). Only correct for a fresh file, whose unwritten ranges read as zeros. Also
 * computes the SHA-256 of everything written.
 */
final class SparseFileWriter implements AutoCloseable {
    static final int HOLE_BLOCK = 4096;
    private static final int STAGE = 64 * HOLE_BLOCK;
    private static final byte[] ZEROS = new byte[HOLE_BLOCK];
    private static final byte[] ZERO_STAGE = new byte[STAGE];

    private final Path path;
    private final FileChannel channel;
    private final MessageDigest sha256;
    private final byte[] stage = new byte[STAGE];
    private int staged;
    private long stageStart; // file offset of stage[0], always a multiple of STAGE

    SparseFileWriter(Path path, MessageDigest sha256) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
        this.sha256 = sha256;
    }

    long position() {
        return stageStart + staged;
    }

    void write(byte[] b, int off, int len) throws IOException {
        sha256.update(b, off, len);
        while (len > 0) {
            int n = Math.min(len, STAGE - staged);
            System.arraycopy(b, off, stage, staged, n);
            staged += n;
            off += n;
            len -= n;
            if (staged == STAGE) {
                flushStage();
            }
        }
    }

    /**
     * {@code length} zero bytes: hashed, and written only where they share a 4 KiB block with data;
     * whole stages in between are skipped without touching the file.
     */
    void skipZeros(long length) throws IOException {
        long left = length;
        if (staged > 0) {
            int n = (int) Math.min(left, STAGE - staged);
            Arrays.fill(stage, staged, staged + n, (byte) 0);
            sha256.update(stage, staged, n);
            staged += n;
            left -= n;
            if (staged == STAGE) {
                flushStage();
            }
        }
        if (left == 0) {
            return;
        }
        for (; left >= STAGE; left -= STAGE) { // the stage is empty: whole stages are holes
            sha256.update(ZERO_STAGE, 0, STAGE);
            stageStart += STAGE;
        }
        Arrays.fill(stage, 0, (int) left, (byte) 0);
        sha256.update(stage, 0, (int) left);
        staged = (int) left;
    }

    /** Sets the final length (extending over a trailing hole) and optionally forces the data to disk. */
    void finish(Durability durability) throws IOException {
        flushStage();
        FileExtension.extend(channel, path, stageStart);
        if (durability == Durability.FSYNC) {
            channel.force(true);
        }
    }

    /** Writes the staged bytes, skipping every all-zero 4 KiB block (a partial one at the end too). */
    private void flushStage() throws IOException {
        int pending = -1; // start of a run of blocks to write
        for (int i = 0; i < staged; i += HOLE_BLOCK) {
            int n = Math.min(HOLE_BLOCK, staged - i);
            boolean zero = Arrays.mismatch(stage, i, i + n, ZEROS, 0, n) < 0;
            if (zero && pending >= 0) {
                writeAt(pending, i - pending);
                pending = -1;
            } else if (!zero && pending < 0) {
                pending = i;
            }
        }
        if (pending >= 0) {
            writeAt(pending, staged - pending);
        }
        stageStart += staged;
        staged = 0;
    }

    private void writeAt(int from, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(stage, from, len);
        long at = stageStart + from;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

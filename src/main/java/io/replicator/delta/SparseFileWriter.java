package io.replicator.delta;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Sequential writer of a new file that keeps zero runs sparse: every 4 KiB-aligned block of zeros is
 * skipped by advancing the write position instead of written (like rsync --sparse), and the final
 * length is set with setLength, so a trailing zero run is a hole too. Only correct for a fresh file,
 * whose unwritten ranges read as zeros. Also computes the SHA-256 of everything written.
 */
final class SparseFileWriter implements AutoCloseable {
    static final int HOLE_BLOCK = 4096;
    private static final byte[] ZEROS = new byte[HOLE_BLOCK];

    private final RandomAccessFile file;
    private final FileChannel channel;
    private final MessageDigest sha256;
    private long position;

    SparseFileWriter(Path path, MessageDigest sha256) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rw");
        this.channel = file.getChannel();
        this.sha256 = sha256;
    }

    long position() {
        return position;
    }

    void write(byte[] b, int off, int len) throws IOException {
        sha256.update(b, off, len);
        int end = off + len;
        int pending = -1; // start of bytes still to write
        int i = off;
        while (i < end) {
            long at = position + (i - off);
            int segment = (int) Math.min(end - i, HOLE_BLOCK - (at % HOLE_BLOCK));
            boolean hole = segment == HOLE_BLOCK && Arrays.mismatch(b, i, i + segment, ZEROS, 0, segment) < 0;
            if (hole && pending >= 0) {
                writeAt(b, pending, i - pending, position + (pending - off));
                pending = -1;
            } else if (!hole && pending < 0) {
                pending = i;
            }
            i += segment;
        }
        if (pending >= 0) {
            writeAt(b, pending, end - pending, position + (pending - off));
        }
        position += len;
    }

    /** Sets the final length (extending over a trailing hole) and optionally forces the data to disk. */
    void finish(Durability durability) throws IOException {
        file.setLength(position);
        if (durability == Durability.FSYNC) {
            channel.force(true);
        }
    }

    private void writeAt(byte[] b, int off, int len, long at) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}

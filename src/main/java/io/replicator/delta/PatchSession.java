package io.replicator.delta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Applies one delta, op by op, to a basis, writing a temporary file in the target's directory. A
 * {@link DeltaSink}, so ops can come from {@link DeltaReader} or straight from a transport that
 * carries them in its own frames. Semantic checks happen here too (blocks inside the basis, never
 * more output than the header's target length, final length and SHA-256), whatever the op source.
 * Use with try-with-resources: closing a session that did not complete deletes its temporary file.
 */
public final class PatchSession implements DeltaSink, AutoCloseable {
    private static final int COPY_BUFFER = 256 * 1024;

    private final FileChannel basis; // null: no basis (a new file)
    private final Path target;
    private final Path tempFile;
    private final Durability durability;
    private final MessageDigest sha256;
    private final SparseFileWriter writer;
    private DeltaHeader header;
    private byte[] copyBuffer;
    private PatchResult result;

    PatchSession(FileChannel basis, Path target, Durability durability) throws IOException {
        this.basis = basis;
        this.target = target;
        this.durability = durability;
        this.sha256 = newSha256();
        Path dir = target.toAbsolutePath().getParent();
        this.tempFile = Files.createTempFile(dir, TempName.prefix(target), ".part");
        try {
            this.writer = new SparseFileWriter(tempFile, sha256);
        } catch (IOException e) {
            Files.deleteIfExists(tempFile);
            throw e;
        }
    }

    public Path tempFile() {
        return tempFile;
    }

    @Override
    public void begin(DeltaHeader header) throws IOException {
        if (this.header != null) {
            throw new IllegalStateException("begin called twice for " + target);
        }
        long basisLength = basis == null ? 0 : basis.size();
        if (basisLength != header.basisLength()) {
            throw new DeltaVerificationException(target, "the basis is " + basisLength
                    + " bytes but the delta was computed against " + header.basisLength() + " bytes");
        }
        this.header = header;
    }

    @Override
    public void copy(int index, int count) throws IOException {
        long length = started().copyLength(index, count);
        checkRoom(length);
        if (copyBuffer == null) {
            copyBuffer = new byte[COPY_BUFFER];
        }
        long from = (long) index * header.blockSize();
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(copyBuffer.length, length - done);
            ByteBuffer dst = ByteBuffer.wrap(copyBuffer, 0, n);
            while (dst.hasRemaining()) {
                if (basis.read(dst, from + done + dst.position()) < 0) {
                    throw new DeltaVerificationException(target, "the basis ended at byte "
                            + (from + done + dst.position()) + " while copying block " + index
                            + " (changed during the patch?)");
                }
            }
            writer.write(copyBuffer, 0, n);
            done += n;
        }
    }

    @Override
    public void literal(byte[] data, int offset, int length) throws IOException {
        if (length < 0 || length > DeltaFormat.MAX_LITERAL_CHUNK) {
            throw new DeltaFormatException("delta: literal of " + length + " bytes is outside [0, "
                    + DeltaFormat.MAX_LITERAL_CHUNK + "]");
        }
        started();
        checkRoom(length);
        writer.write(data, offset, length);
    }

    /** A zero run: a hole in the new file (the patcher only writes fresh files), hashed as zeros. */
    @Override
    public void zeros(long length) throws IOException {
        started();
        checkRoom(length);
        writer.skipZeros(length);
    }

    @Override
    public void end(byte[] expectedSha256) throws IOException {
        started();
        if (writer.position() != header.targetLength()) {
            throw new DeltaFormatException("delta: ops produced " + writer.position()
                    + " bytes but the header says targetLength " + header.targetLength());
        }
        writer.finish(durability);
        writer.close();
        byte[] actual = sha256.digest();
        if (!MessageDigest.isEqual(actual, expectedSha256)) {
            throw new DeltaVerificationException(target, "SHA-256 of the patched file differs from the source's"
                    + " (the basis is not the file that was signed, or it changed)");
        }
        result = new PatchResult(target, tempFile, header.targetLength(), actual);
    }

    /** The verified result, once {@link #end} returned. */
    public PatchResult result() {
        if (result == null) {
            throw new IllegalStateException("patch of " + target + " has not completed");
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        if (result == null) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(tempFile);
            }
        }
    }

    private DeltaHeader started() {
        if (header == null) {
            throw new IllegalStateException("begin was not called for " + target);
        }
        return header;
    }

    private void checkRoom(long length) throws DeltaFormatException {
        if (writer.position() + length > header.targetLength()) {
            throw new DeltaFormatException("delta: an op of " + length + " bytes at output offset "
                    + writer.position() + " would write past targetLength " + header.targetLength());
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

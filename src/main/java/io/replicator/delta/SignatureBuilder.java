package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/** Reads a basis once, front to back, and computes its {@link Signature}. */
public final class SignatureBuilder {
    private static final int READ_SIZE = 1 << 20;

    private SignatureBuilder() {
    }

    /** Signature of an empty basis: a delta against it is all literals (a new file, see DeltaPatcher.create). */
    public static Signature empty() {
        return new Signature(0, SignatureSpec.forLength(0), 0, new int[0], new long[0], null);
    }

    /** Signs the whole channel (from position 0) with rsync's block size for its current size. */
    public static Signature build(FileChannel basis) throws IOException {
        return build(basis, SignatureSpec.forLength(basis.size()));
    }

    public static Signature build(FileChannel basis, SignatureSpec spec) throws IOException {
        long length = basis.size();
        basis.position(0);
        // Not closed: closing a Channels stream would close the caller's channel.
        return build(Channels.newInputStream(basis), length, spec);
    }

    /**
     * Signs exactly {@code length} bytes of {@code in}; bytes after them are not read. Fails if the
     * stream ends early (the basis shrank while being read).
     */
    public static Signature build(InputStream in, long length, SignatureSpec spec) throws IOException {
        int blockSize = spec.blockSize();
        long count = BlockSize.blockCount(length, blockSize);
        if (length < 0 || count > DeltaFormat.MAX_BLOCK_COUNT) {
            throw new IllegalArgumentException("length " + length + " at block size " + blockSize + " gives "
                    + count + " blocks, more than " + DeltaFormat.MAX_BLOCK_COUNT);
        }
        int blocks = (int) count;
        int[] weak = new int[blocks];
        long[] lo = new long[blocks];
        long[] hi = spec.strongLength() > 8 ? new long[blocks] : null;
        StrongHash strong = new StrongHash(spec.seed(), spec.strongLength());
        // A whole number of blocks per read, at least one block.
        byte[] buf = new byte[blockSize * Math.max(1, READ_SIZE / blockSize)];
        long remaining = length;
        int index = 0;
        while (remaining > 0) {
            int want = (int) Math.min(buf.length, remaining);
            readFully(in, buf, want, length - remaining, length);
            remaining -= want;
            for (int off = 0; off < want; off += blockSize) {
                int n = Math.min(blockSize, want - off);
                weak[index] = RollingChecksum.of(buf, off, n);
                strong.hash(buf, off, n);
                lo[index] = strong.lo();
                if (hi != null) {
                    hi[index] = strong.hi();
                }
                index++;
            }
        }
        return new Signature(length, spec, blocks, weak, lo, hi);
    }

    private static void readFully(InputStream in, byte[] buf, int want, long done, long length) throws IOException {
        int got = 0;
        while (got < want) {
            int n = in.read(buf, got, want - got);
            if (n < 0) {
                throw new IOException("basis ended after " + (done + got) + " of " + length
                        + " bytes (changed while being signed?)");
            }
            got += n;
        }
    }
}

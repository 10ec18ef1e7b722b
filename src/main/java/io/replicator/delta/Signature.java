package io.replicator.delta;

import java.util.Arrays;

/**
 * Block signature of a basis file: per block rsync's rolling sum and a truncated XXH3-128 strong hash.
 * Immutable once built (by {@link SignatureBuilder} or {@link SignatureCodec#read}).
 */
public final class Signature {
    private final long fileLength;
    private final SignatureSpec spec;
    private final int blockCount;
    private final int[] weak;
    private final long[] strongLo;
    private final long[] strongHi; // null when strongLength <= 8

    Signature(long fileLength, SignatureSpec spec, int blockCount, int[] weak, long[] strongLo, long[] strongHi) {
        this.fileLength = fileLength;
        this.spec = spec;
        this.blockCount = blockCount;
        this.weak = weak;
        this.strongLo = strongLo;
        this.strongHi = strongHi;
    }

    public long fileLength() {
        return fileLength;
    }

    public SignatureSpec spec() {
        return spec;
    }

    public int blockSize() {
        return spec.blockSize();
    }

    public int blockCount() {
        return blockCount;
    }

    /** Blocks of exactly blockSize bytes; the last block is short when fileLength % blockSize != 0. */
    public int fullBlockCount() {
        return (int) (fileLength / spec.blockSize());
    }

    public int blockLength(int index) {
        long start = (long) index * spec.blockSize();
        return (int) Math.min(spec.blockSize(), fileLength - start);
    }

    int weak(int index) {
        return weak[index];
    }

    long strongLo(int index) {
        return strongLo[index];
    }

    long strongHi(int index) {
        return strongHi == null ? 0L : strongHi[index];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Signature s)) {
            return false;
        }
        return fileLength == s.fileLength && spec.equals(s.spec) && blockCount == s.blockCount
                && Arrays.equals(weak, 0, blockCount, s.weak, 0, blockCount)
                && Arrays.equals(strongLo, 0, blockCount, s.strongLo, 0, blockCount)
                && (strongHi == null ? s.strongHi == null
                        : s.strongHi != null && Arrays.equals(strongHi, 0, blockCount, s.strongHi, 0, blockCount));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fileLength) * 31 + blockCount;
    }

    @Override
    public String toString() {
        return "Signature[fileLength=" + fileLength + ", blockSize=" + spec.blockSize() + ", strongLength="
                + spec.strongLength() + ", blocks=" + blockCount + "]";
    }
}

package io.replicator.delta;

/**
 * What a delta is relative to and what it produces: the basis' block size and length (as signed)
 * and the target length. The target length comes first so a patcher can refuse ops that would write
 * past it: a hostile delta cannot make the output grow without bound.
 */
public record DeltaHeader(int blockSize, long basisLength, long targetLength) {
    public DeltaHeader {
        if (blockSize < 1 || blockSize > DeltaFormat.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize " + blockSize + " is outside [1, "
                    + DeltaFormat.MAX_BLOCK_SIZE + "]");
        }
        if (basisLength < 0 || basisLength > DeltaFormat.MAX_FILE_LENGTH) {
            throw new IllegalArgumentException("basisLength " + basisLength + " is outside [0, "
                    + DeltaFormat.MAX_FILE_LENGTH + "]");
        }
        if (targetLength < 0 || targetLength > DeltaFormat.MAX_FILE_LENGTH) {
            throw new IllegalArgumentException("targetLength " + targetLength + " is outside [0, "
                    + DeltaFormat.MAX_FILE_LENGTH + "]");
        }
    }

    public long basisBlockCount() {
        return BlockSize.blockCount(basisLength, blockSize);
    }

    /**
     * Bytes produced by COPY(index, count), the last basis block possibly short.
     *
     * @throws DeltaFormatException if the blocks are not all inside the basis
     */
    public long copyLength(int index, int count) throws DeltaFormatException {
        long blocks = basisBlockCount();
        if (index < 0 || count < 1 || (long) index + count > blocks) {
            throw new DeltaFormatException("delta: COPY(block " + index + ", count " + count
                    + ") is outside the basis' " + blocks + " blocks");
        }
        long start = (long) index * blockSize;
        long end = Math.min(((long) index + count) * blockSize, basisLength);
        return end - start;
    }
}

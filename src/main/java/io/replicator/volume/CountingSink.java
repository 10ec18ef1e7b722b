package io.replicator.volume;

import io.replicator.delta.DeltaHeader;
import io.replicator.delta.DeltaSink;
import java.io.IOException;

/** Passes delta ops on and counts how many target bytes came as literals and as basis copies. */
final class CountingSink implements DeltaSink {
    private final DeltaSink next;
    private DeltaHeader header;
    long literal;
    long matched;

    CountingSink(DeltaSink next) {
        this.next = next;
    }

    @Override
    public void begin(DeltaHeader header) throws IOException {
        this.header = header;
        next.begin(header);
    }

    @Override
    public void copy(int index, int count) throws IOException {
        matched += header.copyLength(index, count);
        next.copy(index, count);
    }

    @Override
    public void literal(byte[] data, int offset, int length) throws IOException {
        literal += length;
        next.literal(data, offset, length);
    }

    /** A zero run counts as literal data (it is new data, only sent compactly). */
    @Override
    public void zeros(long length) throws IOException {
        literal += length;
        next.zeros(length);
    }

    @Override
    public void end(byte[] sha256) throws IOException {
        next.end(sha256);
    }
}

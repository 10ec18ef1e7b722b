package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Computes the delta of a target (the new file) against a basis {@link Signature}, streaming: memory
 * is the signature's lookup table plus one window buffer of about 64 KiB + 2 blocks + 256 KiB,
 * whatever the target's size. Thread-safe: each encode call has its own scan state, so one encoder
 * (whose lookup table is built once) can serve several targets against the same signature.
 */
public final class DeltaEncoder {
    private final Signature signature;
    private final BlockIndex index;

    public DeltaEncoder(Signature signature) {
        this.signature = signature;
        this.index = new BlockIndex(signature);
    }

    /** Delta of the whole channel (from position 0, its current size) into {@code sink}. */
    public DeltaStats encode(FileChannel target, DeltaSink sink) throws IOException {
        long length = target.size();
        target.position(0);
        // Not closed: closing a Channels stream would close the caller's channel.
        return encode(Channels.newInputStream(target), length, sink);
    }

    /**
     * Delta of exactly {@code length} bytes of {@code target} into {@code sink}. The length goes into
     * the delta header up front; a stream that ends early fails with an IOException (file changed
     * while read), bytes after {@code length} are not read.
     */
    public DeltaStats encode(InputStream target, long length, DeltaSink sink) throws IOException {
        return new DeltaScan(signature, index, target, length, sink).run();
    }
}

package io.replicator.delta;

import java.io.IOException;

/**
 * Receiver of a delta, op by op: {@link DeltaEncoder} produces into one, {@link DeltaReader} decodes
 * into one, {@link DeltaWriter} encodes what it receives, and {@link PatchSession} applies it. Calls
 * come in the order begin, (copy | literal | zeros)*, end.
 */
public interface DeltaSink {
    void begin(DeltaHeader header) throws IOException;

    /** Basis blocks [index, index + count), in order. */
    void copy(int index, int count) throws IOException;

    /**
     * Literal target bytes, at most {@link DeltaFormat#MAX_LITERAL_CHUNK} per call. The array is the
     * producer's buffer: use or copy the bytes before returning.
     */
    void literal(byte[] data, int offset, int length) throws IOException;

    /**
     * A run of {@code length} zero bytes (a ZEROS record). By default passed on as literal zeros;
     * sinks that can do better (encode it as a record, leave a hole) override it.
     */
    default void zeros(long length) throws IOException {
        byte[] chunk = new byte[(int) Math.min(length, DeltaFormat.MAX_LITERAL_CHUNK)];
        for (long done = 0; done < length; done += chunk.length) {
            literal(chunk, 0, (int) Math.min(chunk.length, length - done));
        }
    }

    /** The whole-file SHA-256 of the target as the delta side read it. */
    void end(byte[] sha256) throws IOException;
}

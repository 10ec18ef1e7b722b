package io.replicator.volume;

import io.replicator.delta.DeltaFormat;
import io.replicator.delta.DeltaHeader;
import io.replicator.delta.DeltaSink;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A file the destination does not have, as a delta with no basis: literal chunks and the SHA-256.
 * Hand-rolled instead of DeltaEncoder against an empty signature because that would still roll the
 * weak checksum over every byte (about 300 MiB/s) for nothing; this runs at read + SHA-256 speed.
 */
final class WholeFileEncoder {
    /** Any valid block size: there is no basis to refer to. */
    private static final int NO_BASIS_BLOCK_SIZE = 700;

    private final byte[] buf = new byte[DeltaFormat.MAX_LITERAL_CHUNK];

    /** Streams {@code length} bytes of {@code in} as literals; returns the literal byte count. */
    long encode(InputStream in, long length, DeltaSink sink) throws IOException {
        MessageDigest sha = FileHashes.newSha256();
        sink.begin(new DeltaHeader(NO_BASIS_BLOCK_SIZE, 0, length));
        long done = 0;
        while (done < length) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, length - done));
            if (n < 0) {
                throw new SourceChangedException("file ended at " + done + " of " + length + " bytes");
            }
            if (n == 0) {
                continue;
            }
            sha.update(buf, 0, n);
            sink.literal(buf, 0, n);
            done += n;
        }
        sink.end(sha.digest());
        return done;
    }
}

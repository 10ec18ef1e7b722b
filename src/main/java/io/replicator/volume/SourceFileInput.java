package io.replicator.volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads exactly {@code length} bytes of a source file for the delta encoder. Ending early means the
 * file shrank while being read ({@link SourceChangedException}); any other read error is reported
 * with the path, so it can be told apart from a network error.
 */
final class SourceFileInput extends InputStream {
    private final FileChannel channel;
    private final String path;
    private final long length;
    private long position;

    SourceFileInput(FileChannel channel, String path, long length) {
        this.channel = channel;
        this.path = path;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= length) {
            return -1;
        }
        int want = (int) Math.min(len, length - position);
        int n;
        try {
            n = channel.read(ByteBuffer.wrap(b, off, want), position);
        } catch (IOException e) {
            throw new IOException("cannot read source file " + path + ": " + Reasons.of(e), e);
        }
        if (n < 0) {
            throw new SourceChangedException(path + " shrank from " + length + " to " + position
                    + " bytes while being read");
        }
        position += n;
        return n;
    }
}

package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Big-endian record reader over an untrusted stream: every read names its field, end of input is
 * a {@link DeltaFormatException} (never a hang on a short read or an EOFException without context),
 * and a running CRC32C covers every byte consumed so the trailer can be checked. It never reads
 * past the bytes a field needs, so an encoding can be followed by other data on the same stream
 * (callers doing many small records should hand in a BufferedInputStream).
 */
final class RecordInput {
    private final InputStream in;
    private final String what;
    private final byte[] buf = new byte[64 * 1024];
    private final CRC32C crc = new CRC32C();
    private int pos;
    private int lim;
    private long consumed;

    RecordInput(InputStream in, String what) {
        this.in = in;
        this.what = what;
    }

    String what() {
        return what;
    }

    /** Offset of the next byte to be read, for error messages. */
    long offset() {
        return consumed;
    }

    int u8(String field) throws IOException {
        need(1, field);
        int v = buf[pos] & 0xFF;
        consume(1);
        return v;
    }

    int i32(String field) throws IOException {
        need(4, field);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        consume(4);
        return v;
    }

    long i64(String field) throws IOException {
        long hi = i32(field) & 0xFFFFFFFFL;
        return (hi << 32) | (i32(field) & 0xFFFFFFFFL);
    }

    void bytes(byte[] dst, int off, int len, String field) throws IOException {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, dst, off, n);
        consume(n);
        off += n;
        len -= n;
        while (len > 0) {
            int r = in.read(dst, off, len);
            if (r < 0) {
                throw DeltaFormatException.truncated(what, field, consumed);
            }
            crc.update(dst, off, r);
            consumed += r;
            off += r;
            len -= r;
        }
    }

    /** Buffers exactly n more bytes (n <= 64 KiB) so the following small reads need no system call. */
    void prefetch(int n, String field) throws IOException {
        need(Math.min(n, buf.length), field);
    }

    /** Reads the 4-byte CRC32C trailer and compares it with the CRC of everything read before it. */
    void checkCrc() throws IOException {
        int expected = (int) crc.getValue();
        long at = consumed;
        need(4, "crc32c");
        int actual = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        consumed += 4;
        if (actual != expected) {
            throw new DeltaFormatException(what + ": crc32c mismatch at byte " + at + " (stored "
                    + Integer.toHexString(actual) + ", computed " + Integer.toHexString(expected) + ")");
        }
    }

    DeltaFormatException outOfRange(String field, long value, long min, long max) {
        return DeltaFormatException.outOfRange(what, field, value, min, max, consumed);
    }

    private void consume(int n) {
        crc.update(buf, pos, n);
        pos += n;
        consumed += n;
    }

    private void need(int n, String field) throws IOException {
        if (lim - pos >= n) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < n) {
            int r = in.read(buf, lim, n - lim); // exactly what is needed: never past the encoding
            if (r < 0) {
                throw DeltaFormatException.truncated(what, field, consumed);
            }
            lim += r;
        }
    }
}

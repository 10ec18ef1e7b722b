package io.replicator.delta;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Big-endian record writer with its own buffer, a running CRC32C of everything written and a byte
 * count. Hand-rolled rather than DataOutputStream + CheckedOutputStream because those push every
 * int through the checksum one byte at a time.
 */
final class RecordOutput {
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private final CRC32C crc = new CRC32C();
    private int n;
    private long written;

    RecordOutput(OutputStream out) {
        this.out = out;
    }

    void u8(int v) throws IOException {
        ensure(1);
        buf[n++] = (byte) v;
    }

    void i32(int v) throws IOException {
        ensure(4);
        buf[n++] = (byte) (v >>> 24);
        buf[n++] = (byte) (v >>> 16);
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) v;
    }

    void i64(long v) throws IOException {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - n) {
            flushBuffer();
            if (len > buf.length / 2) {
                crc.update(b, off, len);
                out.write(b, off, len);
                written += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, n, len);
        n += len;
    }

    /** Writes the CRC32C of everything written so far (not covering itself) and flushes. */
    void crcAndFlush() throws IOException {
        flushBuffer();
        int value = (int) crc.getValue();
        i32(value);
        flushBuffer();
        out.flush();
    }

    long written() {
        return written + n;
    }

    private void ensure(int k) throws IOException {
        if (buf.length - n < k) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (n > 0) {
            crc.update(buf, 0, n);
            out.write(buf, 0, n);
            written += n;
            n = 0;
        }
    }
}

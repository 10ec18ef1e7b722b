package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers that claim huge sizes are refused, or cost no memory beyond the data that actually arrived. */
class HostileHeaderTest {
    @TempDir
    Path dir;

    private static byte[] signatureHeader(int strongLength, int blockSize, long fileLength, int blockCount)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(DeltaFormat.SIGNATURE_MAGIC);
        out.writeByte(DeltaFormat.VERSION);
        out.writeByte(strongLength);
        out.writeInt(blockSize);
        out.writeLong(0);
        out.writeLong(fileLength);
        out.writeInt(blockCount);
        return bytes.toByteArray();
    }

    private static byte[] deltaHeader(int flags, int blockSize, long basisLength, long targetLength) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(DeltaFormat.DELTA_MAGIC);
        out.writeByte(DeltaFormat.VERSION);
        out.writeByte(flags);
        out.writeInt(blockSize);
        out.writeLong(basisLength);
        out.writeLong(targetLength);
        return bytes.toByteArray();
    }

    private static long allocatedBy(ThrowingRunnable r) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            r.run();
        } catch (Exception expected) {
            // the caller asserts on the exception separately
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void signatureClaimingTheMaximumBlockCountButTruncatedAllocatesLittle() throws IOException {
        byte[] header = signatureHeader(16, 1, DeltaFormat.MAX_BLOCK_COUNT, DeltaFormat.MAX_BLOCK_COUNT);

        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(header)))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("truncated");
        // Fully allocated up front this would be 4M blocks * 20 bytes = 80 MiB.
        assertThat(allocatedBy(() -> SignatureCodec.read(new ByteArrayInputStream(header))))
                .isLessThan(2L << 20);
    }

    @Test
    void signatureFieldsOutOfRangeAreNamed() throws IOException {
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(signatureHeader(17, 700, 10, 1))))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("strongLength = 17");
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(signatureHeader(8, 0, 10, 1))))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("blockSize = 0");
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(signatureHeader(8, 1, 1L << 40, 0))))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("more than " + DeltaFormat.MAX_BLOCK_COUNT);
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(signatureHeader(8, 700, 7000, 11))))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("blockCount = 11");
        assertThatThrownBy(() -> SignatureCodec.read(new ByteArrayInputStream(signatureHeader(8, 700, -5, 0))))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("fileLength = -5");
    }

    @Test
    void deltaThatWouldGrowPastItsTargetLengthIsRefused() throws IOException {
        byte[] basis = new byte[1 << 20];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(deltaHeader(0, 1024, basis.length, 5000));
        for (int i = 0; i < 1000; i++) { // each op copies the whole basis: 1 GiB if nothing stopped it
            out.writeByte(DeltaFormat.OP_COPY);
            out.writeInt(0);
            out.writeInt(1024);
        }

        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, bytes.toByteArray()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("past targetLength 5000");
    }

    @Test
    void deltaFieldsOutOfRangeAreNamed() throws IOException {
        byte[] basis = new byte[4096];
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, deltaHeader(4, 1024, 4096, 10)))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("unknown flags 0x4");
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, deltaHeader(0, 1 << 30, 4096, 10)))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("blockSize = 1073741824");
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, deltaHeader(0, 1024, 4096, -1)))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("targetLength = -1");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(deltaHeader(0, 1024, 4096, 1 << 20));
        out.writeByte(DeltaFormat.OP_LITERAL);
        out.writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, bytes.toByteArray()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("LITERAL length = 2147483647");

        bytes.reset();
        out.write(deltaHeader(0, 1024, 4096, 1 << 20));
        out.writeByte(DeltaFormat.OP_COPY);
        out.writeInt(3);
        out.writeInt(2);
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, bytes.toByteArray()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("COPY(block 3, count 2)");

        bytes.reset();
        out.write(deltaHeader(0, 1024, 4096, 1 << 20));
        out.writeByte(DeltaFormat.OP_LITERAL_ZSTD);
        assertThatThrownBy(() -> DeltaRoundTrip.patch(dir, basis, bytes.toByteArray()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("header says uncompressed");
    }
}

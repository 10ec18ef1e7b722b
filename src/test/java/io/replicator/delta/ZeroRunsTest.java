package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ZEROS records: zero runs cross as a length, round-trip exactly and are written as holes. */
class ZeroRunsTest {
    private Path dir;

    @BeforeEach
    void createDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "delta-zeros");
    }

    @AfterEach
    void deleteDir() throws IOException {
        DeltaRoundTrip.deleteTree(dir);
    }

    private static byte[] delta(byte[] basis, byte[] target, ZeroRuns zeroRuns) throws IOException {
        Signature sig = DeltaRoundTrip.sign(basis, SignatureSpec.forLength(basis.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DeltaEncoder(sig).encode(new ByteArrayInputStream(target), target.length,
                new DeltaWriter(out, LiteralCompression.NONE, zeroRuns));
        return out.toByteArray();
    }

    @Test
    void aZeroRunCrossesAsARecordAndBecomesAHole() throws Exception {
        Random r = new Random(1);
        byte[] target = new byte[70_001 + (16 << 20) + 50_003 + (1 << 20)]; // data, 16 MiB zeros, data, trailing zeros
        byte[] head = new byte[70_001];
        byte[] tail = new byte[50_003];
        r.nextBytes(head);
        r.nextBytes(tail);
        System.arraycopy(head, 0, target, 0, head.length);
        System.arraycopy(tail, 0, target, head.length + (16 << 20), tail.length);

        byte[] records = delta(new byte[0], target, ZeroRuns.AS_RECORDS);
        byte[] literals = delta(new byte[0], target, ZeroRuns.AS_LITERALS);
        assertThat(literals.length).isGreaterThan(target.length);
        assertThat(records.length).isLessThan(head.length + tail.length + 1024);

        Path basisFile = Files.write(dir.resolve("basis"), new byte[0]);
        try (var basis = java.nio.channels.FileChannel.open(basisFile)) {
            PatchResult p = new DeltaPatcher(Durability.FSYNC).patch(basis, new ByteArrayInputStream(records),
                    dir.resolve("target"));
            assertThat(Files.readAllBytes(p.tempFile())).isEqualTo(target);
            assertThat(allocatedBytes(p.tempFile())).isLessThan(head.length + tail.length + 64 * 1024);
        }
    }

    /** Zero runs of every length and alignment around the 512-byte granule, against a basis and without. */
    @Test
    void randomMixesOfZerosAndDataRoundTrip() throws Exception {
        Random r = new Random(2);
        for (int i = 0; i < 120; i++) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            int parts = 1 + r.nextInt(12);
            for (int j = 0; j < parts; j++) {
                int n = r.nextInt(r.nextBoolean() ? 1500 : 100_000);
                byte[] b = new byte[n];
                if (r.nextBoolean()) {
                    r.nextBytes(b);
                }
                t.write(b);
            }
            byte[] target = t.toByteArray();
            byte[] basis = r.nextBoolean() ? new byte[0] : java.util.Arrays.copyOf(target, r.nextInt(target.length + 1));
            for (ZeroRuns z : ZeroRuns.values()) {
                assertThat(DeltaRoundTrip.patch(dir, basis, delta(basis, target, z))).isEqualTo(target);
            }
        }
    }

    @Test
    void aReaderRefusesZerosWithoutTheFlagAndBeyondTheTarget() throws Exception {
        byte[] target = new byte[10_000];
        byte[] d = delta(new byte[0], target, ZeroRuns.AS_RECORDS);
        assertThat(d[5]).isEqualTo((byte) 2);
        d[5] = 0;
        assertThatThrownBy(() -> DeltaReader.read(new ByteArrayInputStream(d), new NullSink()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("unknown op tag 0x4 at byte 26");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeltaWriter w = new DeltaWriter(out, LiteralCompression.NONE, ZeroRuns.AS_RECORDS);
        w.begin(new DeltaHeader(700, 0, 1000));
        w.zeros(5000);
        w.end(new byte[32]);
        assertThatThrownBy(() -> DeltaReader.read(new ByteArrayInputStream(out.toByteArray()), new NullSink()))
                .isInstanceOf(DeltaFormatException.class).hasMessageContaining("would write past targetLength 1000");
    }

    private static final class NullSink implements DeltaSink {
        @Override
        public void begin(DeltaHeader header) {
        }

        @Override
        public void copy(int index, int count) {
        }

        @Override
        public void literal(byte[] data, int offset, int length) {
        }

        @Override
        public void zeros(long length) {
        }

        @Override
        public void end(byte[] sha256) {
        }
    }

    private static long allocatedBytes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertThat(p.waitFor()).isZero();
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }
}

package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our block size and rolling sum against the real rsync (Debian's 3.2.7), through its
 * --debug=deltasum output: "count=N rem=R blength=B ..." and "chunk[i] offset=O len=L sum1=HEX".
 * Fails, never skips, when rsync is missing.
 */
class RsyncCompatibilityTest {
    private static final Pattern SUM_HEADER = Pattern.compile("count=(\\d+) rem=(\\d+) blength=(\\d+)");
    private static final Pattern CHUNK = Pattern.compile("chunk\\[(\\d+)\\] offset=(\\d+) len=(\\d+) sum1=([0-9a-f]{8})");

    @TempDir
    Path dir;

    private String rsyncDebug(Path src, Path dst, String level) throws IOException, InterruptedException {
        Path rsync = Path.of("/usr/bin/rsync");
        assertThat(Files.isExecutable(rsync)).as("rsync must be installed at %s for this test", rsync).isTrue();
        Process p = new ProcessBuilder(rsync.toString(), "-I", "--no-whole-file", "--debug=deltasum" + level,
                src.toString(), dst.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("rsync output: %s", out).isZero();
        return out;
    }

    @Test
    void blockSizeMatchesRsyncForBasesOfManySizes() throws Exception {
        long[] lengths = {1, 1000, 490_000, 490_001, 1_000_000, 2_000_000, 3_333_333, 10L << 20, (64L << 20) + 3};
        for (long length : lengths) {
            Path a = dir.resolve("a");
            Path b = dir.resolve("b");
            for (Path p : List.of(a, b)) {
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    f.setLength(length); // sparse: rsync reads zeros fast
                }
            }
            Matcher m = SUM_HEADER.matcher(rsyncDebug(a, b, "2"));
            assertThat(m.find()).as("rsync printed its sum header for length %d", length).isTrue();
            int rsyncBlock = Integer.parseInt(m.group(3));
            assertThat(BlockSize.forLength(length)).as("block size for length %d", length).isEqualTo(rsyncBlock);
            assertThat(BlockSize.blockCount(length, rsyncBlock)).isEqualTo(Long.parseLong(m.group(1)));
        }
    }

    @Test
    void rollingSumEqualsRsyncsSum1ForEveryBlockIncludingTheShortOne() throws Exception {
        byte[] data = new byte[700 * 9 + 123];
        new Random(7).nextBytes(data);
        Path a = Files.write(dir.resolve("a"), data);
        Path b = Files.write(dir.resolve("b"), data);

        Matcher m = CHUNK.matcher(rsyncDebug(a, b, "3"));
        List<long[]> chunks = new ArrayList<>();
        while (m.find()) {
            chunks.add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4), 16)});
        }

        assertThat(chunks).hasSize(10);
        for (long[] c : chunks) {
            int ours = RollingChecksum.of(data, (int) c[0], (int) c[1]);
            assertThat(ours & 0xFFFFFFFFL).as("sum1 at offset %d", c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void rollingOneByteAtATimeEqualsAFreshSum() {
        byte[] data = new byte[5000];
        new Random(8).nextBytes(data);
        int n = 777;
        long sums = RollingChecksum.sums(data, 0, n);
        int s1 = (int) sums;
        int s2 = (int) (sums >>> 32);
        for (int p = 0; p + n < data.length; p++) {
            int out = data[p];
            s1 += data[p + n] - out;
            s2 += s1 - n * out;
            assertThat(RollingChecksum.pack(s1, s2)).isEqualTo(RollingChecksum.of(data, p + 1, n));
        }
    }
}

package io.replicator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real rsync on the same basis/target pair: a fresh copy of the basis as destination, then
 * {@code rsync -I --no-whole-file --stats target dest} (local copies skip the delta algorithm without
 * --no-whole-file, and -I stops the quick check from skipping the file; no -z). "Total bytes sent"
 * is the sender's delta stream (literal data + 4-byte block tokens), "received" its signatures.
 */
final class DeltaBenchRsync {
    static final Path RSYNC = Path.of("/usr/bin/rsync");

    record Result(long bytesSent, long bytesReceived, long literalBytes, double wallSeconds) {
    }

    private DeltaBenchRsync() {
    }

    static Result run(Path basis, Path target, Path dir) throws IOException, InterruptedException {
        Path dest = dir.resolve("rsync-dest.bin");
        Files.copy(basis, dest, StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(RSYNC.toString(), "-I", "--no-whole-file", "--stats",
                target.toString(), dest.toString()).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IOException("rsync exited " + rc + ": " + out);
        }
        if (Files.size(dest) != Files.size(target)) {
            throw new IOException("rsync produced " + Files.size(dest) + " bytes, expected " + Files.size(target));
        }
        Result r = new Result(stat(out, "Total bytes sent"), stat(out, "Total bytes received"),
                stat(out, "Literal data"), wall);
        Files.delete(dest);
        return r;
    }

    private static long stat(String out, String label) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(label) + ": ([0-9,]+)").matcher(out);
        if (!m.find()) {
            throw new IOException("no '" + label + "' in rsync --stats output: " + out);
        }
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}

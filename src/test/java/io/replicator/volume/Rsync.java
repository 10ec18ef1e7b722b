package io.replicator.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The independent check: rsync itself (Debian's 3.2.7) comparing the trees in dry-run itemize mode
 * with full checksums, hardlinks and deletes. Empty output means no difference in content, type,
 * permissions, owner, group, mtime, symlink target, hardlink structure or extra files. If rsync is
 * missing, this throws: the tests that need it fail rather than skip.
 */
final class Rsync {
    private Rsync() {
    }

    static String differences(Path src, Path dst) throws IOException, InterruptedException {
        return run(List.of("rsync", "-aHn", "-i", "--checksum", "--delete", "--exclude=lost+found", src + "/", dst + "/"));
    }

    /** What a real sync would do, itemized by rsync's quick check (size and mtime), as a dry run shows it. */
    static String itemize(Path src, Path dst) throws IOException, InterruptedException {
        return run(List.of("rsync", "-aHn", "-i", "--delete", "--exclude=lost+found", src + "/", dst + "/"));
    }

    /** The same with -X: user xattrs compared too. */
    static String differencesWithXattrs(Path src, Path dst) throws IOException, InterruptedException {
        return run(List.of("rsync", "-aHXn", "-i", "--checksum", "--delete", "--exclude=lost+found", src + "/",
                dst + "/"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException("rsync exited with " + rc + ": " + out);
        }
        return out;
    }

    /** Allocated 512-byte blocks (stat %b): shows whether a file kept its holes. */
    static long allocatedBlocks(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException("stat failed: " + out);
        }
        return Long.parseLong(out);
    }
}

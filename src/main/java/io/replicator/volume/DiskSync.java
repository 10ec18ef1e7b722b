package io.replicator.volume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The destination's durability calls and its renames into real names, in one place: the order
 * between them is what decides what a power loss leaves (docs/protocol.md, Durability), and a
 * test records that order through this seam while the real calls still run.
 */
interface DiskSync {
    /** syncfs(2) of the filesystem holding {@code root}; false if it could not be done. */
    boolean syncfs(Path root);

    /** fsync(2) of a file or directory (data and inode). */
    void fsync(Path p) throws IOException;

    /** Atomic rename over {@code to} (same directory or filesystem). */
    void rename(Path from, Path to) throws IOException;

    DiskSync REAL = new DiskSync() {
        /** Through coreutils' {@code sync -f}: the JDK has no call for syncfs. */
        @Override
        public boolean syncfs(Path root) {
            try {
                Process p = new ProcessBuilder("sync", "-f", root.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void fsync(Path p) throws IOException {
            try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
                c.force(true);
            }
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    };
}

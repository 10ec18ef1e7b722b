package io.replicator.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a file, symlink or whole directory tree without following symlinks; returns entries deleted. */
final class TreeDeleter {
    private TreeDeleter() {
    }

    static long delete(Path path) throws IOException {
        long[] n = {0};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                n[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                n[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return n[0];
    }
}

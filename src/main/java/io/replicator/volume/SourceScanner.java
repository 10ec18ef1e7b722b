package io.replicator.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Walks the source volume without following symlinks and without leaving its filesystem (rsync -x),
 * parents before children, and hands each entry to a sink: directories, regular files, symlinks
 * (target read verbatim), and a second path of an inode already listed as HARDLINK to the first.
 * Sockets, FIFOs and devices are counted as unsupported. A file that vanishes mid-walk is left out.
 */
final class SourceScanner {
    interface Sink {
        void accept(FileEntry e) throws IOException;
    }

    private final Path root;
    private final Excludes excludes;
    private final ChecksumMode checksum;
    private final Map<String, Integer> inodes = new HashMap<>();
    private long unsupported;
    private int count;

    SourceScanner(Path root, Excludes excludes, ChecksumMode checksum) {
        this.root = root;
        this.excludes = excludes;
        this.checksum = checksum;
    }

    long unsupported() {
        return unsupported;
    }

    void scan(Sink sink) throws IOException {
        Map<String, Object> rootAttrs = MetadataWriter.lstat(root);
        Object rootDev = rootAttrs.get("dev");
        if (TreePreparer.kind(rootAttrs) != TreePreparer.Kind.DIR) {
            throw new IOException("source volume " + root + " is not a directory");
        }
        IOException[] failure = {null};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir);
                if (!rel.equals(FileEntry.ROOT) && excludes.excludes(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Map<String, Object> a = lstat(dir);
                if (a == null) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                sink.accept(entry(rel, EntryType.DIR, a, null, -1, null));
                // -x: list a mount point, do not descend into it
                return Objects.equals(a.get("dev"), rootDev) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(file);
                if (excludes.excludes(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                Map<String, Object> a = lstat(file);
                if (a != null) {
                    FileEntry e = fileEntry(file, rel, a);
                    if (e != null) {
                        sink.accept(e);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (!(exc instanceof NoSuchFileException)) {
                    failure[0] = exc;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (failure[0] != null) {
            throw new IOException("cannot scan the source volume: " + Reasons.of(failure[0]), failure[0]);
        }
    }

    private FileEntry fileEntry(Path file, String rel, Map<String, Object> a) throws IOException {
        switch (TreePreparer.kind(a)) {
            case FILE -> {
                int nlink = (Integer) a.get("nlink");
                if (nlink > 1) {
                    String key = a.get("dev") + ":" + a.get("ino");
                    Integer primary = inodes.putIfAbsent(key, count);
                    if (primary != null) {
                        return entry(rel, EntryType.HARDLINK, a, null, primary, null);
                    }
                }
                byte[] sha = checksum == ChecksumMode.FULL ? FileHashes.sha256(file) : null;
                return entry(rel, EntryType.FILE, a, null, -1, sha);
            }
            case SYMLINK -> {
                return entry(rel, EntryType.SYMLINK, a, Files.readSymbolicLink(file).toString(), -1, null);
            }
            case DIR -> {
                return entry(rel, EntryType.DIR, a, null, -1, null); // not reached: walkFileTree visits dirs
            }
            default -> {
                unsupported++;
                return null;
            }
        }
    }

    private FileEntry entry(String rel, EntryType type, Map<String, Object> a, String target, int primary, byte[] sha) {
        count++;
        long size = type == EntryType.FILE || type == EntryType.HARDLINK ? ((Number) a.get("size")).longValue() : 0;
        return new FileEntry(rel, type, ((Integer) a.get("mode")) & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"),
                size, MetadataWriter.mtimeNanos(a), target, primary, sha);
    }

    private String relative(Path p) {
        return p.equals(root) ? FileEntry.ROOT : root.relativize(p).toString();
    }

    private static Map<String, Object> lstat(Path p) throws IOException {
        try {
            return MetadataWriter.lstat(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

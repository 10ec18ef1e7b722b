package io.replicator.volume;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks the source volume without following symlinks and without leaving its filesystem (rsync -x),
 * breadth first (parents before children), and hands each entry to a sink: directories, regular files, symlinks
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
    private final XattrMode xattrs;
    private final Map<String, Integer> inodes = new HashMap<>();
    private long unsupported;
    private int count;

    SourceScanner(Path root, Excludes excludes, ChecksumMode checksum, XattrMode xattrs) {
        this.root = root;
        this.excludes = excludes;
        this.checksum = checksum;
        this.xattrs = xattrs;
    }

    long unsupported() {
        return unsupported;
    }

    void scan(Sink sink) throws IOException {
        Stat rootAttrs = Stat.of(root);
        long rootDev = rootAttrs.dev();
        if (rootAttrs.kind() != Stat.Kind.DIR) {
            throw new IOException("source volume " + root + " is not a directory");
        }
        sink.accept(withXattrs(entry(FileEntry.ROOT, EntryType.DIR, rootAttrs, null, -1, null), root));
        // Breadth first: a parent is always listed before its children, and a directory's files stay
        // together. One lstat per entry (walkFileTree would stat each entry twice with ours).
        ArrayDeque<String> dirs = new ArrayDeque<>();
        dirs.add(FileEntry.ROOT);
        while (!dirs.isEmpty()) {
            String dir = dirs.poll();
            Path dirPath = dir.equals(FileEntry.ROOT) ? root : RawNames.resolve(root, dir);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dirPath)) {
                for (Path child : children) {
                    String name = RawNames.nameOf(child);
                    String rel = dir.equals(FileEntry.ROOT) ? name : dir + "/" + name;
                    if (excludes.excludes(rel)) {
                        continue;
                    }
                    Stat a = Stat.orNull(child);
                    if (a == null) {
                        continue; // vanished since readdir
                    }
                    if (a.kind() == Stat.Kind.DIR) {
                        sink.accept(withXattrs(entry(rel, EntryType.DIR, a, null, -1, null), child));
                        if (a.dev() == rootDev) {
                            dirs.add(rel); // -x: a mount point is listed, not entered
                        }
                    } else {
                        FileEntry e = fileEntry(child, rel, a);
                        if (e != null) {
                            sink.accept(e);
                        }
                    }
                }
            } catch (NoSuchFileException vanished) {
                // the directory went away after it was listed: its entry stays, its contents are gone
            } catch (DirectoryIteratorException e) {
                throw new IOException("cannot scan the source volume at " + dir + ": " + Reasons.of(e.getCause()),
                        e.getCause());
            } catch (IOException e) {
                throw new IOException("cannot scan the source volume at " + dir + ": " + Reasons.of(e), e);
            }
        }
    }

    private FileEntry fileEntry(Path file, String rel, Stat a) throws IOException {
        switch (a.kind()) {
            case FILE -> {
                if (a.nlink() > 1) {
                    String key = a.dev() + ":" + a.ino();
                    Integer primary = inodes.putIfAbsent(key, count);
                    if (primary != null) {
                        return entry(rel, EntryType.HARDLINK, a, null, primary, null);
                    }
                }
                byte[] sha = checksum == ChecksumMode.FULL ? FileHashes.sha256(file) : null;
                return withXattrs(entry(rel, EntryType.FILE, a, null, -1, sha), file);
            }
            case SYMLINK -> {
                return entry(rel, EntryType.SYMLINK, a, RawNames.linkTarget(file), -1, null);
            }
            default -> {
                unsupported++;
                return null;
            }
        }
    }

    private FileEntry entry(String rel, EntryType type, Stat a, String target, int primary, byte[] sha) {
        count++;
        long size = type == EntryType.FILE || type == EntryType.HARDLINK ? a.size() : 0;
        return new FileEntry(rel, type, a.permissions(), a.uid(), a.gid(), size, a.mtimeNanos(), target, primary, sha);
    }

    /** The entry with the path's user xattrs, when the sync replicates them. */
    private FileEntry withXattrs(FileEntry e, Path p) throws IOException {
        if (xattrs != XattrMode.USER) {
            return e;
        }
        return new FileEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.size(), e.mtimeNanos(), e.linkTarget(),
                e.primary(), e.sha256(), Xattrs.read(p));
    }
}

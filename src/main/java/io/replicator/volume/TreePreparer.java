package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * First changes of a session, made only after the whole file list was validated: walks the list in
 * order (parents before children), makes every DIR entry a real directory (creating it, under a
 * temporary name if it is new: {@link StagedDirectories}; or replacing a file or symlink that sits
 * at its path, so nothing is ever written through a symlink), places
 * symlinks (temporary name, then rename), fixes metadata of unchanged files, and returns the regular
 * files that need data. Quick check: same size and mtime (FULL mode: same SHA-256).
 */
final class TreePreparer {
    private final Path root;
    private final List<FileEntry> entries;
    private final MetadataWriter meta;
    private final ChecksumMode checksum;
    private final List<Deferred> deferred;
    private final StagedDirectories staged;
    private String listedParent;
    private java.util.Set<String> listedNames;

    /** A prepared temporary that replaces a directory at commit. */
    record Deferred(Path temp, Path target) {
    }

    TreePreparer(Path root, List<FileEntry> entries, MetadataWriter meta, ChecksumMode checksum, List<Deferred> deferred,
                 StagedDirectories staged) {
        this.root = root;
        this.entries = entries;
        this.meta = meta;
        this.checksum = checksum;
        this.deferred = deferred;
        this.staged = staged;
    }

    Path resolve(FileEntry e) {
        return staged.resolve(e);
    }

    List<Transfer> prepare() throws IOException {
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FileEntry e = entries.get(i);
            Path p = resolve(e);
            Stat attrs = e.isRoot() || exists(e) ? Stat.orNull(p) : null;
            switch (e.type()) {
                case DIR -> directory(e, p, attrs);
                case FILE -> {
                    Transfer t = file(i, e, p, attrs);
                    if (t != null) {
                        transfers.add(t);
                    }
                }
                case SYMLINK -> symlink(e, p, attrs);
                case HARDLINK -> { } // at commit, once every primary is in place
            }
        }
        return transfers;
    }

    /**
     * Whether the entry's name exists in its parent directory, from one listing per directory (the
     * list keeps a directory's entries together). Most entries of a first sync do not exist, and
     * asking lstat about each would cost a NoSuchFileException (a stack trace) per file.
     */
    private boolean exists(FileEntry e) throws IOException {
        String parent = PathGuard.parent(e.path());
        if (staged.contains(parent)) {
            return false; // created by this session: empty but for what the session put there
        }
        if (!parent.equals(listedParent)) {
            listedParent = parent;
            listedNames = new java.util.HashSet<>();
            Path dir = parent.equals(FileEntry.ROOT) ? root : RawNames.resolve(root, parent);
            try (java.nio.file.DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
                for (Path n : names) {
                    listedNames.add(RawNames.nameOf(n));
                }
            }
        }
        return listedNames.contains(PathGuard.name(e.path()));
    }

    private void directory(FileEntry e, Path p, Stat attrs) throws IOException {
        if (Stat.kind(attrs) == Stat.Kind.DIR) {
            return;
        }
        if (attrs != null) {
            Files.delete(p); // a file or symlink where the source has a directory (never followed)
        } else if (!staged.contains(PathGuard.parent(e.path()))) {
            staged.stage(e.path()); // new, in a directory that is in place: built aside (StagedDirectories)
            return;
        }
        Files.createDirectory(p);
    }

    private Transfer file(int index, FileEntry e, Path p, Stat attrs) throws IOException {
        Stat.Kind k = Stat.kind(attrs);
        if (k == Stat.Kind.FILE && attrs.size() == e.size() && unchanged(e, p, attrs)) {
            if (!meta.matches(p, attrs, e)) {
                meta.apply(p, e);
            }
            return null;
        }
        boolean basis = k == Stat.Kind.FILE && attrs.size() > 0;
        return new Transfer(index, e.size(), basis, k == Stat.Kind.DIR);
    }

    private boolean unchanged(FileEntry e, Path p, Stat attrs) throws IOException {
        if (checksum == ChecksumMode.FULL) {
            return Arrays.equals(FileHashes.sha256(p), e.sha256());
        }
        return attrs.mtimeNanos() == e.mtimeNanos();
    }

    private void symlink(FileEntry e, Path p, Stat attrs) throws IOException {
        if (Stat.kind(attrs) == Stat.Kind.SYMLINK && RawNames.linkTarget(p).equals(e.linkTarget())) {
            if (!meta.matches(p, attrs, e)) {
                meta.apply(p, e);
            }
            return;
        }
        Path temp = createTempSymlink(p, e.linkTarget());
        meta.applyToNew(temp, e);
        if (Stat.kind(attrs) == Stat.Kind.DIR) {
            deferred.add(new Deferred(temp, p));
        } else {
            Files.move(temp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Path createTempSymlink(Path target, String linkTarget) throws IOException {
        return TempNames.create(target, temp -> Files.createSymbolicLink(temp, RawNames.path(linkTarget)));
    }
}

package io.replicator.volume;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One lstat of a path (symlinks not followed): what the source lists, the destination compares and
 * the torn-file check watches. Times in nanoseconds since the epoch; {@code mode} with the file-type
 * bits. Read by {@link StatReader}.
 */
record Stat(int mode, int uid, int gid, long size, long mtimeNanos, long ctimeNanos, long ino, long dev, int nlink) {

    /** What a path is; ABSENT for a path that does not exist. */
    enum Kind { ABSENT, DIR, FILE, SYMLINK, OTHER }

    static Stat of(Path path) throws IOException {
        return StatReader.lstat(path);
    }

    /** The path's stat, or null when it does not exist. */
    static Stat orNull(Path path) throws IOException {
        try {
            return of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static Kind kind(Stat s) {
        return s == null ? Kind.ABSENT : s.kind();
    }

    Kind kind() {
        return switch (mode & 0170000) {
            case 0040000 -> Kind.DIR;
            case 0100000 -> Kind.FILE;
            case 0120000 -> Kind.SYMLINK;
            default -> Kind.OTHER;
        };
    }

    /** Permission bits only (07777), as file list entries carry them. */
    int permissions() {
        return mode & 07777;
    }

    boolean sameInode(Stat other) {
        return ino == other.ino && dev == other.dev;
    }
}

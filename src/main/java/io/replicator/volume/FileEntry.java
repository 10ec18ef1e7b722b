package io.replicator.volume;

/**
 * One entry of the file list. {@code path} is relative to the volume root with '/' separators
 * ("." is the root itself); {@code mode} holds the permission bits (07777); {@code mtimeNanos} is
 * nanoseconds since the epoch. {@code linkTarget} is set for SYMLINK (verbatim, never resolved);
 * {@code primary} is the index of the FILE entry a HARDLINK shares its inode with (-1 otherwise);
 * {@code sha256} is set only in {@link ChecksumMode#FULL} for FILE entries.
 */
public record FileEntry(String path, EntryType type, int mode, int uid, int gid, long size, long mtimeNanos,
                        String linkTarget, int primary, byte[] sha256) {
    public static final String ROOT = ".";

    public boolean isRoot() {
        return ROOT.equals(path);
    }

    @Override
    public String toString() {
        return type + " " + path;
    }
}

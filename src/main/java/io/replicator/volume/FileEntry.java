package io.replicator.volume;

import java.util.Map;

/**
 * One entry of the file list. {@code path} is relative to the volume root with '/' separators
 * ("." is the root itself); {@code mode} holds the permission bits (07777); {@code mtimeNanos} is
 * nanoseconds since the epoch. {@code linkTarget} is set for SYMLINK (verbatim, never resolved);
 * {@code primary} is the index of the FILE entry a HARDLINK shares its inode with (-1 otherwise);
 * {@code sha256} is set only in {@link ChecksumMode#FULL} for FILE entries; {@code xattrs} (user.*
 * attributes, names without the prefix) only with {@link XattrMode#USER}, for FILE and DIR entries.
 */
public record FileEntry(String path, EntryType type, int mode, int uid, int gid, long size, long mtimeNanos,
                        String linkTarget, int primary, byte[] sha256, Map<String, byte[]> xattrs) {
    public static final String ROOT = ".";

    /** An entry without extended attributes. */
    public FileEntry(String path, EntryType type, int mode, int uid, int gid, long size, long mtimeNanos,
                     String linkTarget, int primary, byte[] sha256) {
        this(path, type, mode, uid, gid, size, mtimeNanos, linkTarget, primary, sha256, null);
    }

    public boolean isRoot() {
        return ROOT.equals(path);
    }

    @Override
    public String toString() {
        return type + " " + path;
    }
}

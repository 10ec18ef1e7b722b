package io.replicator.volume;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the file list on the destination and checks it entry by entry, before anything on disk
 * is touched: count limit, path shape ({@link PathGuard}), no duplicates, the root first and only as
 * a directory, every parent a DIR entry listed earlier (so no entry can sit below a symlink or a
 * file of the same list), hardlinks pointing back at an earlier FILE, checksum presence matching the
 * session's mode, and no entry the destination protects (excludes, lost+found).
 */
final class FileListValidator {
    private final EntryLimits limits;
    private final Excludes protectedPaths;
    private final ChecksumMode checksum;
    private final XattrMode xattrs;
    private final int version;
    private final List<FileEntry> entries = new ArrayList<>();
    private final Map<String, Integer> byPath = new HashMap<>();

    FileListValidator(EntryLimits limits, Excludes protectedPaths, ChecksumMode checksum, XattrMode xattrs, int version) {
        this.limits = limits;
        this.version = version;
        this.protectedPaths = protectedPaths;
        this.checksum = checksum;
        this.xattrs = xattrs;
    }

    /** Reads LIST frames up to LIST_END from the primary connection, checking each entry as it arrives. */
    void receive(FrameChannel in) throws IOException {
        while (true) {
            Frame f = in.take("LIST or LIST_END");
            try {
                if (f.type() == FrameType.LIST_END) {
                    int count = Wire.i32(f.payload(), "LIST_END count");
                    Wire.end(f.payload(), FrameType.LIST_END);
                    if (count != entries.size()) {
                        throw new ProtocolException("LIST_END says " + count + " entries, " + entries.size() + " arrived");
                    }
                    break;
                }
                if (f.type() != FrameType.LIST) {
                    throw new ProtocolException("expected LIST or LIST_END but got " + f.type());
                }
                ProtocolException[] bad = {null};
                FileListCodec.decode(f.payload(), limits, version, e -> {
                    if (bad[0] == null) {
                        try {
                            add(e);
                        } catch (ProtocolException x) {
                            bad[0] = x;
                        }
                    }
                });
                if (bad[0] != null) {
                    throw bad[0];
                }
            } finally {
                f.release();
            }
        }
        if (entries.isEmpty()) {
            throw new ProtocolException("empty file list: at least the root \".\" is required");
        }
    }

    void add(FileEntry e) throws ProtocolException {
        int index = entries.size();
        if (index >= limits.maxEntries()) {
            throw new ProtocolException("the file list has more than " + limits.maxEntries()
                    + " entries, the limit of this destination");
        }
        PathGuard.check(e.path(), limits);
        if (index == 0) {
            if (!e.isRoot() || e.type() != EntryType.DIR) {
                throw new ProtocolException("the first entry must be the root directory \".\", got " + e);
            }
        } else {
            if (e.isRoot()) {
                throw new ProtocolException("the root \".\" appears again at entry " + index);
            }
            checkParent(e, index);
            if (protectedPaths.excludes(e.path())) {
                throw new ProtocolException("entry " + PathGuard.quote(e.path())
                        + " is excluded on this destination and may not be written");
            }
        }
        if (e.type() == EntryType.HARDLINK) {
            checkHardlink(e, index);
        }
        if (e.type() == EntryType.FILE && (checksum == ChecksumMode.FULL) != (e.sha256() != null)) {
            throw new ProtocolException("entry " + PathGuard.quote(e.path()) + ": a SHA-256 must be sent exactly in "
                    + "FULL checksum mode (this session: " + checksum + ")");
        }
        if (e.xattrs() != null && xattrs != XattrMode.USER) {
            throw new ProtocolException("entry " + PathGuard.quote(e.path()) + " carries xattrs but the session did "
                    + "not ask for them");
        }
        if (byPath.putIfAbsent(e.path(), index) != null) {
            throw new ProtocolException("entry " + PathGuard.quote(e.path()) + " appears twice in the file list");
        }
        entries.add(e);
    }

    private void checkParent(FileEntry e, int index) throws ProtocolException {
        String parent = PathGuard.parent(e.path());
        Integer p = byPath.get(parent);
        if (p == null) {
            throw new ProtocolException("entry " + PathGuard.quote(e.path()) + " (index " + index
                    + "): its parent " + PathGuard.quote(parent) + " is not a directory listed before it");
        }
        if (entries.get(p).type() != EntryType.DIR) {
            throw new ProtocolException("entry " + PathGuard.quote(e.path()) + ": its parent " + PathGuard.quote(parent)
                    + " is a " + entries.get(p).type() + " in the file list, not a directory (a path through a "
                    + "symlink or file is not allowed)");
        }
    }

    private void checkHardlink(FileEntry e, int index) throws ProtocolException {
        int primary = e.primary();
        if (primary < 0 || primary >= index || entries.get(primary).type() != EntryType.FILE) {
            throw new ProtocolException("hardlink " + PathGuard.quote(e.path()) + " names entry " + primary
                    + ", which is not an earlier regular file");
        }
    }

    List<FileEntry> entries() {
        return entries;
    }

    Map<String, Integer> byPath() {
        return byPath;
    }
}

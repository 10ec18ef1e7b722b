package io.replicator.volume;

/** What a file-list entry is. HARDLINK names an earlier FILE entry of the same source inode. */
public enum EntryType {
    DIR, FILE, SYMLINK, HARDLINK;

    static EntryType of(int code) throws ProtocolException {
        EntryType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new ProtocolException("file entry type " + code + " is unknown");
        }
        return all[code];
    }
}

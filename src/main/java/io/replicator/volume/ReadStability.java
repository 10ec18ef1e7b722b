package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a source file stayed the same while it was read: size, mtime, ctime and inode from lstat
 * before and after the read (rsync does not look; a file written during its read would otherwise be
 * committed torn, part old and part new). ctime catches writes that restore the mtime; the inode
 * catches a file replaced by rename. Writes within one tick of the filesystem's timestamp clock
 * that keep the size cannot be seen this way: Clone and Snapshot exist for a point-in-time copy.
 */
final class ReadStability {
    /** Small files (read whole into memory) are read again up to this many times before giving up. */
    static final int SMALL_FILE_READS = 3;

    /** Called after a file's data was read and before it is checked: tests write to the file here. */
    interface Hook {
        Hook NONE = path -> { };

        void afterRead(String path) throws IOException;
    }

    private final Stat before;

    private ReadStability(Stat before) {
        this.before = before;
    }

    static ReadStability before(Path file) throws IOException {
        return new ReadStability(Stat.of(file));
    }

    /** Throws {@link ChangedWhileReadException} when the file is no longer what it was before the read. */
    void checkAfter(Path file, String path) throws IOException {
        Stat after = Stat.orNull(file);
        if (after == null) {
            throw new ChangedWhileReadException(path + " was removed or renamed while being read");
        }
        if (after.size() != before.size()) {
            throw changed(path, "size " + before.size() + " -> " + after.size());
        }
        if (after.mtimeNanos() != before.mtimeNanos()) {
            throw changed(path, "mtime " + before.mtimeNanos() + " -> " + after.mtimeNanos());
        }
        if (after.ctimeNanos() != before.ctimeNanos()) {
            throw changed(path, "ctime " + before.ctimeNanos() + " -> " + after.ctimeNanos());
        }
        if (!after.sameInode(before)) {
            throw changed(path, "inode " + before.dev() + ":" + before.ino() + " -> " + after.dev() + ":" + after.ino());
        }
    }

    private static ChangedWhileReadException changed(String path, String what) {
        return new ChangedWhileReadException(path + " changed while being read (" + what + ")");
    }

    /** The file changed while it was read: its copy would be torn, so it is not sent this time. */
    static final class ChangedWhileReadException extends SourceChangedException {
        ChangedWhileReadException(String message) {
            super(message);
        }
    }
}

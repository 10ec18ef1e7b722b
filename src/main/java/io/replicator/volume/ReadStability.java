package io.replicator.volume;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    private final Map<String, Object> before;

    private ReadStability(Map<String, Object> before) {
        this.before = before;
    }

    static ReadStability before(Path file) throws IOException {
        return new ReadStability(stat(file));
    }

    /** Throws {@link ChangedWhileReadException} when the file is no longer what it was before the read. */
    void checkAfter(Path file, String path) throws IOException {
        Map<String, Object> after;
        try {
            after = stat(file);
        } catch (java.nio.file.NoSuchFileException gone) {
            throw new ChangedWhileReadException(path + " was removed or renamed while being read");
        }
        for (String k : new String[] {"size", "lastModifiedTime", "ctime", "ino", "dev"}) {
            if (!before.get(k).equals(after.get(k))) {
                throw new ChangedWhileReadException(path + " changed while being read (" + k + " " + before.get(k)
                        + " -> " + after.get(k) + ")");
            }
        }
    }

    private static Map<String, Object> stat(Path file) throws IOException {
        return Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev", LinkOption.NOFOLLOW_LINKS);
    }

    /** The file changed while it was read: its copy would be torn, so it is not sent this time. */
    static final class ChangedWhileReadException extends SourceChangedException {
        ChangedWhileReadException(String message) {
            super(message);
        }
    }
}

package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Applies an entry's metadata to a path that is known not to be reached through a symlink: user
 * xattrs (when the session replicates them), owner (chown clears set-id bits), then mode (not for
 * symlinks: Linux has none), then mtime.
 * Files and directories get nanosecond mtimes; symlinks go through lutimes, which the JDK offers
 * with microsecond precision only.
 */
final class MetadataWriter {
    private static final int[] OWNER = Ownership.processOwner();
    private final Ownership ownership;
    private final XattrMode xattrs;

    MetadataWriter(Ownership ownership, XattrMode xattrs) {
        this.ownership = ownership;
        this.xattrs = xattrs;
    }

    /**
     * For a file this process just created (a temporary): it already belongs to this process's
     * uid/gid, so chown is skipped when those are the entry's (saves two syscalls per file).
     */
    void applyToNew(Path path, FileEntry e) throws IOException {
        if (carriesXattrs(e)) {
            Xattrs.writeNew(path, e.xattrs());
        }
        write(path, e, e.uid() != OWNER[0] || e.gid() != OWNER[1] ? Attributes.OWNER_MODE_TIMES : Attributes.MODE_TIMES);
    }

    /**
     * Like {@link #applyToNew}, for a file created with the entry's mode (see {@link Umask#keeps}):
     * chmod is skipped too unless a chown happens (chown may clear mode bits).
     */
    void applyToCreatedWithMode(Path path, FileEntry e) throws IOException {
        if (carriesXattrs(e)) {
            Xattrs.writeNew(path, e.xattrs());
        }
        boolean chown = e.uid() != OWNER[0] || e.gid() != OWNER[1];
        write(path, e, chown ? Attributes.OWNER_MODE_TIMES : Umask.keeps(e.mode()) ? Attributes.TIMES : Attributes.MODE_TIMES);
    }

    /** For an existing path: its user xattrs are made equal to the entry's (extra ones removed). */
    void apply(Path path, FileEntry e) throws IOException {
        if (carriesXattrs(e)) {
            Xattrs.apply(path, e.xattrs());
        }
        write(path, e, Attributes.OWNER_MODE_TIMES);
    }

    private boolean carriesXattrs(FileEntry e) {
        return xattrs == XattrMode.USER && e.xattrs() != null && e.type() != EntryType.SYMLINK;
    }

    /** Which attributes a write sets: times always; the mode; the owner too (a chown may clear mode bits). */
    private enum Attributes {
        TIMES, MODE_TIMES, OWNER_MODE_TIMES;

        boolean mode() {
            return this != TIMES;
        }

        boolean owner() {
            return this == OWNER_MODE_TIMES;
        }
    }

    private void write(Path path, FileEntry e, Attributes attributes) throws IOException {
        boolean link = e.type() == EntryType.SYMLINK;
        if (ownership == Ownership.APPLIED && attributes.owner()) {
            Files.setAttribute(path, "unix:uid", e.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", e.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        FileTime mtime = FileTime.from(e.mtimeNanos(), TimeUnit.NANOSECONDS);
        if (link) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(mtime, null, null);
        } else {
            if (attributes.mode()) {
                Files.setAttribute(path, "unix:mode", e.mode());
            }
            // atime given too (the time of replication, as rsync without --atimes): with only the
            // mtime the JDK first fstats the file to keep its atime, one syscall per file more.
            Files.getFileAttributeView(path, BasicFileAttributeView.class)
                    .setTimes(mtime, FileTime.from(Instant.now()), null);
        }
    }

    /** Whether the existing path's metadata already equals the entry's (no write needed). */
    boolean matches(Path path, Stat attrs, FileEntry e) throws IOException {
        if (carriesXattrs(e) && !Xattrs.equal(Xattrs.read(path), e.xattrs())) {
            return false;
        }
        if (ownership == Ownership.APPLIED
                && (e.uid() != attrs.uid() || e.gid() != attrs.gid())) {
            return false;
        }
        return !modeDiffers(attrs, e) && !mtimeDiffers(attrs, e);
    }

    /**
     * Marks in rsync's itemize letters (index 2 t, 3 p, 4 o, 5 g, 8 x of "cstpoguax") what
     * {@link #apply} would change: the plan of a dry run. Owner only when this side applies it.
     */
    void itemize(Path path, Stat attrs, FileEntry e, char[] flags) throws IOException {
        if (carriesXattrs(e) && !Xattrs.equal(Xattrs.read(path), e.xattrs())) {
            flags[8] = 'x';
        }
        if (ownership == Ownership.APPLIED && e.uid() != attrs.uid()) {
            flags[4] = 'o';
        }
        if (ownership == Ownership.APPLIED && e.gid() != attrs.gid()) {
            flags[5] = 'g';
        }
        if (modeDiffers(attrs, e)) {
            flags[3] = 'p';
        }
        if (mtimeDiffers(attrs, e)) {
            flags[2] = 't';
        }
    }

    /** Symlinks have no mode of their own on Linux. */
    private static boolean modeDiffers(Stat attrs, FileEntry e) {
        return e.type() != EntryType.SYMLINK && attrs.permissions() != e.mode();
    }

    /** A symlink's mtime is set through lutimes, in microseconds: equal to the microsecond is equal. */
    private static boolean mtimeDiffers(Stat attrs, FileEntry e) {
        return attrs.mtimeNanos() != e.mtimeNanos()
                && !(e.type() == EntryType.SYMLINK && attrs.mtimeNanos() == e.mtimeNanos() / 1000 * 1000);
    }
}

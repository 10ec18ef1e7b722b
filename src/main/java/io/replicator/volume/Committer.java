package io.replicator.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The commit, run only after every stream finished and the source sent COMMIT. Order: (0) make the
 * data durable: every file written (temporaries, and whatever is inside staged directories) and
 * the staged directories themselves ({@link CommitSync}), before any of it gets a real name; (1)
 * rename the new directories into place ({@link StagedDirectories}); (2) rename verified files
 * (with SYNCFS they all waited for this; with FSYNC only those replacing directories) and
 * symlinks that replace directories; (3) hardlinks (same inode as their primary); (4) delete what
 * the list does not have (never below excluded paths; stale temporaries of cut sessions go here
 * too); (5) directory metadata, children first, now that their contents stopped changing; (6) make
 * the renames, deletes and metadata durable. Only then does the session answer COMMITTED. So after
 * a power loss at any point every file is its old or its new content (docs/protocol.md, Durability).
 */
final class Committer {
    private final DestinationSession s;
    private final Map<String, Integer> byPath;
    private final Excludes protect;
    private final DiskSync disk;

    Committer(DestinationSession session, Map<String, Integer> byPath, Excludes protect) {
        this.s = session;
        this.byPath = byPath;
        this.protect = protect;
        this.disk = session.disk();
    }

    void commit(List<TreePreparer.Deferred> deferred, Collection<Path> written) throws IOException {
        dataDurable(written);
        s.staged().publish(disk);
        for (TreePreparer.Deferred d : deferred) {
            if (Files.isDirectory(d.target(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                s.stats().filesDeleted.add(TreeDeleter.delete(d.target()));
            }
            disk.rename(d.temp(), d.target());
        }
        hardlinks();
        deleteExtraneous();
        List<FileEntry> entries = s.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            FileEntry e = entries.get(i);
            if (e.type() == EntryType.DIR) {
                Path p = s.resolve(e);
                if (!s.meta().matches(p, Stat.of(p), e)) {
                    s.meta().apply(p, e);
                }
            }
        }
        namesDurable();
    }
    private void hardlinks() throws IOException {
        List<FileEntry> entries = s.entries();
        for (FileEntry e : entries) {
            if (e.type() != EntryType.HARDLINK) {
                continue;
            }
            Path primary = s.resolve(entries.get(e.primary()));
            Path link = s.resolve(e);
            Stat pa = Stat.orNull(primary);
            if (Stat.kind(pa) != Stat.Kind.FILE) {
                s.stats().filesSkipped.increment(); // its primary was skipped (vanished at the source)
                continue;
            }
            Stat la = Stat.orNull(link);
            if (la != null && la.sameInode(pa)) {
                continue;
            }
            Path temp = TempNames.next(link);
            Files.createLink(temp, primary);
            if (Stat.kind(la) == Stat.Kind.DIR) {
                s.stats().filesDeleted.add(TreeDeleter.delete(link));
            }
            disk.rename(temp, link);
        }
    }

    /**
     * Lists every directory of the file list and deletes what is not listed. Listed names need no
     * stat (the list says what they are); only unlisted ones are looked at, without following links.
     */
    private void deleteExtraneous() throws IOException {
        for (FileEntry e : s.entries()) {
            if (e.type() != EntryType.DIR) {
                continue;
            }
            Path dir = s.resolve(e);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    String name = RawNames.nameOf(child);
                    String rel = e.isRoot() ? name : e.path() + "/" + name;
                    if (byPath.containsKey(rel) || protect.excludes(rel)) {
                        continue;
                    }
                    s.stats().filesDeleted.add(TreeDeleter.delete(child));
                }
            }
        }
    }

    /**
     * Before any rename into a real name: file data and staged directories on disk. syncfs covers
     * both; without it (or with FSYNC, where files were forced as they were written) each written
     * file and every directory still inside a staged one is fsynced.
     */
    private void dataDurable(Collection<Path> written) throws IOException {
        if (s.job().commitSync() == CommitSync.SYNCFS) {
            if (disk.syncfs(s.root())) {
                return;
            }
            for (Path p : written) {
                disk.fsync(p);
            }
        }
        for (FileEntry e : s.entries()) {
            if (e.type() == EntryType.DIR && s.isStaged(e)) {
                disk.fsync(s.resolve(e)); // still under its staged name: publish has not run
            }
        }
    }

    /** After the renames, deletes and metadata: every directory (their entries), or one syncfs. */
    private void namesDurable() throws IOException {
        if (s.job().commitSync() == CommitSync.SYNCFS && disk.syncfs(s.root())) {
            return;
        }
        for (FileEntry e : s.entries()) {
            if (e.type() == EntryType.DIR) {
                disk.fsync(s.resolve(e));
            }
        }
    }
}

package io.replicator.volume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commit, run only after every stream finished and the source sent COMMIT. Order: (0) rename
 * the new directories into place ({@link StagedDirectories}), (1) place
 * files and symlinks that replace directories, (2) hardlinks (same inode as their primary), (3)
 * delete what the list does not have (never below excluded paths; stale temporaries of cut sessions
 * go here too), (4) directory metadata, children first, now that their contents stopped changing,
 * (5) make it durable ({@link CommitSync}). Only then does the session answer COMMITTED.
 */
final class Committer {
    private final DestinationSession s;
    private final Map<String, Integer> byPath;
    private final Excludes protect;

    Committer(DestinationSession session, Map<String, Integer> byPath, Excludes protect) {
        this.s = session;
        this.byPath = byPath;
        this.protect = protect;
    }

    void commit(List<TreePreparer.Deferred> deferred, Collection<Path> written) throws IOException {
        s.staged().publish();
        for (TreePreparer.Deferred d : deferred) {
            if (Files.isDirectory(d.target(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                s.stats().filesDeleted.add(TreeDeleter.delete(d.target()));
            }
            Files.move(d.temp(), d.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        hardlinks();
        deleteExtraneous();
        List<FileEntry> entries = s.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            FileEntry e = entries.get(i);
            if (e.type() == EntryType.DIR) {
                Path p = s.resolve(e);
                if (!s.meta().matches(p, MetadataWriter.lstat(p), e)) {
                    s.meta().apply(p, e);
                }
            }
        }
        durable(written);
    }

    private void hardlinks() throws IOException {
        List<FileEntry> entries = s.entries();
        for (FileEntry e : entries) {
            if (e.type() != EntryType.HARDLINK) {
                continue;
            }
            Path primary = s.resolve(entries.get(e.primary()));
            Path link = s.resolve(e);
            Map<String, Object> pa = TreePreparer.lstatOrNull(primary);
            if (pa == null || TreePreparer.kind(pa) != TreePreparer.Kind.FILE) {
                s.stats().filesSkipped.increment(); // its primary was skipped (vanished at the source)
                continue;
            }
            Map<String, Object> la = TreePreparer.lstatOrNull(link);
            if (la != null && Objects.equals(la.get("ino"), pa.get("ino")) && Objects.equals(la.get("dev"), pa.get("dev"))) {
                continue;
            }
            Path temp = TempNames.next(link);
            Files.createLink(temp, primary);
            if (la != null && TreePreparer.kind(la) == TreePreparer.Kind.DIR) {
                s.stats().filesDeleted.add(TreeDeleter.delete(link));
            }
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private void durable(Collection<Path> written) throws IOException {
        if (s.job().commitSync() == CommitSync.SYNCFS && syncfs(s.root())) {
            return;
        }
        if (s.job().commitSync() == CommitSync.SYNCFS) {
            for (Path p : written) {
                fsync(p); // the patcher left file data to the OS in SYNCFS mode
            }
        }
        for (FileEntry e : s.entries()) {
            if (e.type() == EntryType.DIR) {
                fsync(s.resolve(e));
            }
        }
    }

    /** syncfs(2) through coreutils' {@code sync -f}: the JDK has no call for it. */
    private static boolean syncfs(Path root) {
        try {
            Process p = new ProcessBuilder("sync", "-f", root.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}

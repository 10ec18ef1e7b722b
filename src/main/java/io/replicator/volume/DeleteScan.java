package io.replicator.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a commit would delete, found without changing anything (before the first change on disk):
 * names in the list's directories that the list does not have (whole subtrees, never below protected
 * names), and directories the list replaces by a file or symlink (their subtrees). Also counts the
 * destination's entries, the base of max-delete's percentage. Used by the delete guard and the plan.
 */
final class DeleteScan {
    /** Receives each entry that would be deleted, children before their directory (as rsync prints them). */
    interface Sink {
        void deleted(String path, boolean directory) throws IOException;
    }

    private final Path root;
    private long deletes;
    private long present;

    private DeleteScan(Path root) {
        this.root = root;
    }

    long deletes() {
        return deletes;
    }

    /** Entries the destination has now (listed ones it has, plus what would be deleted). */
    long destinationEntries() {
        return present + deletes;
    }

    static DeleteScan run(Path root, List<FileEntry> entries, Map<String, Integer> byPath, Excludes protect, Sink sink)
            throws IOException {
        DeleteScan scan = new DeleteScan(root);
        MissingDirs missing = new MissingDirs();
        for (FileEntry e : entries) {
            if (e.type() != EntryType.DIR) {
                continue;
            }
            Path dir = e.isRoot() ? root : RawNames.resolve(root, e.path());
            if (missing.under(e) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(e); // new (or a file or symlink the directory replaces): nothing below it yet
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    String name = RawNames.nameOf(child);
                    String rel = e.isRoot() ? name : e.path() + "/" + name;
                    Integer listed = byPath.get(rel);
                    if (listed != null) {
                        scan.present++;
                        if (entries.get(listed).type() != EntryType.DIR
                                && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                            scan.present--;
                            scan.subtree(child, rel, sink); // a directory the list replaces by a file or symlink
                        }
                    } else if (!protect.excludes(rel)) {
                        scan.subtree(child, rel, sink);
                    }
                }
            }
        }
        return scan;
    }

    /** Counts (and reports) a subtree, children before their directory, without following symlinks. */
    private void subtree(Path path, String rel, Sink sink) throws IOException {
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (dir) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    subtree(child, rel + "/" + RawNames.nameOf(child), sink);
                }
            }
        }
        deletes++;
        sink.deleted(rel, dir);
    }
}

package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Directories a session creates are built under a temporary name next to where they belong
 * ({@link TempNames}: {@code .name.<digits>.part}) and renamed into place at commit, whole. What
 * is inside such a directory is new and invisible until then, so a small file there is written
 * under its own name once its hash verified, without a temporary of its own: on a first sync that
 * halves the directory operations per file (create + rename in a directory of hundreds of entries
 * cost a third of the destination's CPU). A cut session leaves only the temporary directory, which
 * the next commit deletes like any stale temporary. Only top-most new directories are recorded;
 * their subdirectories are created inside them. Filled while the tree is prepared, read by the
 * stream threads, published by the commit: never concurrently.
 */
final class StagedDirectories {
    private final Path root;
    private final Map<String, Path> staged = new HashMap<>();
    private volatile boolean published;

    StagedDirectories(Path root) {
        this.root = root;
    }

    /** Creates the directory of a new entry whose parent is in place: under a temporary name. */
    Path stage(String path) throws IOException {
        Path temp = TempNames.create(RawNames.resolve(root, path), dir -> Files.createDirectory(dir));
        staged.put(path, temp);
        return temp;
    }

    /** Whether the path is, or lies inside, a staged directory (so nothing exists there yet). */
    boolean contains(String path) {
        return stagedAncestor(path) != null;
    }

    /** Where the entry is now: the root, or inside its staged ancestor until the commit published it. */
    Path resolve(FileEntry e) {
        return e.isRoot() ? root : resolve(e.path());
    }

    /** Where the path is now: inside its staged ancestor until the commit published it. */
    Path resolve(String path) {
        String top = stagedAncestor(path);
        if (top == null) {
            return RawNames.resolve(root, path);
        }
        Path temp = staged.get(top);
        return top.length() == path.length() ? temp : RawNames.resolve(temp, path.substring(top.length() + 1));
    }

    /** Renames every staged directory into place; from then on paths resolve to their real place. */
    void publish(DiskSync disk) throws IOException {
        for (Map.Entry<String, Path> s : staged.entrySet()) {
            disk.rename(s.getValue(), RawNames.resolve(root, s.getKey()));
        }
        published = true;
    }

    private String stagedAncestor(String path) {
        if (published || staged.isEmpty() || path.equals(FileEntry.ROOT)) {
            return null;
        }
        for (int slash = path.indexOf('/'); ; slash = path.indexOf('/', slash + 1)) {
            String prefix = slash < 0 ? path : path.substring(0, slash);
            if (staged.containsKey(prefix)) {
                return prefix;
            }
            if (slash < 0) {
                return null;
            }
        }
    }
}

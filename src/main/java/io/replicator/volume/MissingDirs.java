package io.replicator.volume;

import java.util.HashSet;
import java.util.Set;

/**
 * Listed directories the destination does not have as real directories (absent, or a file or a
 * symlink in their place), found in list order (parents first). Nothing below them exists yet for
 * the session, and nothing below them may be looked at before the tree is prepared: through a
 * symlink in a parent's place, a lookup would read outside the volume.
 */
final class MissingDirs {
    private final Set<String> missing = new HashSet<>();

    /** Whether the entry's parent is a missing directory. */
    boolean under(FileEntry e) {
        return !e.isRoot() && missing.contains(PathGuard.parent(e.path()));
    }

    void add(FileEntry e) {
        missing.add(e.path());
    }
}

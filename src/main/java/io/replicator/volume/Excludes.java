package io.replicator.volume;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Exclude patterns (java.nio glob syntax): a pattern without '/' matches a name at any depth (like
 * rsync's "lost+found"); a pattern with '/' matches the whole relative path, a leading '/' anchoring
 * it at the root. The source does not list excluded paths; the destination never deletes them.
 * {@code lost+found} is always excluded.
 */
public final class Excludes {
    public static final String LOST_FOUND = "lost+found";

    private final java.util.Set<String> literalNames = new java.util.HashSet<>();
    private final List<PathMatcher> names = new ArrayList<>();
    private final List<PathMatcher> paths = new ArrayList<>();
    private final List<String> patterns;

    public Excludes(List<String> patterns) {
        List<String> all = new ArrayList<>(patterns);
        if (!all.contains(LOST_FOUND)) {
            all.add(0, LOST_FOUND);
        }
        this.patterns = List.copyOf(all);
        for (String p : all) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty exclude pattern");
            }
            String body = p.startsWith("/") ? p.substring(1) : p;
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + body);
            if (p.indexOf('/') >= 0) {
                paths.add(m);
            } else if (p.chars().noneMatch(c -> "*?[]{}\\".indexOf(c) >= 0)) {
                literalNames.add(p); // no glob syntax: a set lookup instead of a regex per entry
            } else {
                names.add(m);
            }
        }
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether a relative path ('/'-separated, not ".") is excluded by its own name or its whole path. */
    public boolean excludes(String relative) {
        String last = PathGuard.name(relative);
        if (literalNames.contains(last)) {
            return true;
        }
        if (names.isEmpty() && paths.isEmpty()) {
            return false;
        }
        Path name = RawNames.path(last);
        for (PathMatcher m : names) {
            if (m.matches(name)) {
                return true;
            }
        }
        if (!paths.isEmpty()) {
            Path whole = RawNames.path(relative);
            for (PathMatcher m : paths) {
                if (m.matches(whole)) {
                    return true;
                }
            }
        }
        return false;
    }
}

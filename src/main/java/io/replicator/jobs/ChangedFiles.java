package io.replicator.jobs;

import java.util.List;

/** The error of a sync in which files kept changing while they were read (they were not copied). */
final class ChangedFiles {
    private static final int NAMED = 10;

    private ChangedFiles() {
    }

    static String describe(List<String> paths) {
        String named = String.join(", ", paths.subList(0, Math.min(NAMED, paths.size())));
        return paths.size() + " file(s) changed while being read and were not copied (the destination keeps their "
                + "previous version): " + named + (paths.size() > NAMED ? ", ..." : "")
                + "; copy-method Clone or Snapshot syncs a point-in-time copy";
    }
}

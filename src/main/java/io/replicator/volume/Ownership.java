package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may set numeric uid/gid (only root can give files away). */
enum Ownership {
    APPLIED("numeric uid/gid applied (running as root)"),
    NOT_APPLIED("uid/gid not applied: not running as root, files belong to this process's user");

    private final String note;

    Ownership(String note) {
        this.note = note;
    }

    String note() {
        return note;
    }

    /** uid and gid new files of this process get (the owner of /proc/self), {-1, -1} if unknown. */
    static int[] processOwner() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Object gid = Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return new int[]{(Integer) uid, (Integer) gid};
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return new int[]{-1, -1};
        }
    }

    /** /proc/self is owned by the effective uid of the process. */
    static Ownership detect() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid) ? APPLIED : NOT_APPLIED;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return NOT_APPLIED;
        }
    }
}

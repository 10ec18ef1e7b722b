package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * This process's umask, measured once (the JDK does not expose it): a file created with mode 0777
 * gets 0777 minus the umask. With it, a new file whose mode the umask leaves alone is created with
 * that mode and needs no chmod: one syscall less per file.
 */
final class Umask {
    private static final int VALUE = measure();

    private Umask() {
    }

    /** Whether creating a file with {@code mode} (rwx bits only, no set-id/sticky) yields exactly it. */
    static boolean keeps(int mode) {
        return (mode & ~0777) == 0 && (mode & VALUE) == 0;
    }

    static FileAttribute<Set<PosixFilePermission>> attribute(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        return PosixFilePermissions.asFileAttribute(perms);
    }

    private static int measure() {
        Path probe = null;
        try {
            probe = Files.createTempFile("umask-probe", ".tmp", attribute(0777));
            int mode = (Integer) Files.getAttribute(probe, "unix:mode") & 0777;
            return 0777 & ~mode;
        } catch (IOException | RuntimeException e) {
            return 0777; // unknown: always chmod
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a leftover empty probe file in the temp directory
                }
            }
        }
    }
}

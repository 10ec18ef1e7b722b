package io.replicator.volume;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Temporary names, the same shape the delta engine's patcher uses: {@code .<name>.<digits>.part} in
 * the target's directory (so the final rename stays on one filesystem and is atomic).
 */
final class TempNames {
    private static final Pattern TEMP = Pattern.compile("^\\..+\\.[0-9]+\\.part$");

    private TempNames() {
    }

    static Path next(Path target) {
        long r = ThreadLocalRandom.current().nextLong() >>> 1;
        return target.resolveSibling(io.replicator.delta.TempName.prefix(target) + r + ".part");
    }

    /** Makes a file, symlink or directory at a new temporary name next to target; returns that name. */
    interface Creator {
        void create(Path temp) throws IOException;
    }

    /** Creates under {@link #next} names until one is free (a collision only retries). */
    static Path create(Path target, Creator creator) throws IOException {
        while (true) {
            Path temp = next(target);
            try {
                creator.create(temp);
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another random name
            }
        }
    }

    static boolean isTemp(String name) {
        return TEMP.matcher(name).matches();
    }
}

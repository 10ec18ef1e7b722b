package io.replicator.volume;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session per volume directory in this JVM, whichever job or context asks: keyed by the root's
 * real path. (Another process writing the same directory is outside what this can see.)
 */
final class VolumeLocks {
    private static final ConcurrentHashMap<Path, String> HELD = new ConcurrentHashMap<>();

    private VolumeLocks() {
    }

    /** Takes the lock, or returns a description of the session holding it. */
    static String tryLock(Path realRoot, String holder) {
        String previous = HELD.putIfAbsent(realRoot, holder);
        return previous;
    }

    static void unlock(Path realRoot, String holder) {
        HELD.remove(realRoot, holder);
    }
}

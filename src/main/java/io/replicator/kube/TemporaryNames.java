package io.replicator.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of a source sync's temporaries, VolSync-style ({@code volsync-<rs>-src}):
 * {@code camel-replicator-<job>-src} and {@code camel-replicator-<job>-mover}. The same names every
 * run, so a crashed run's leftovers are found and replaced. A name that would exceed 63 characters
 * (Job names end up in pod labels) gets the job name shortened plus a hash of it.
 */
public final class TemporaryNames {
    static final String PREFIX = "camel-replicator-";
    private static final int MAX = 63;
    private static final int HASH_CHARS = 8;

    private TemporaryNames() {
    }

    /** The temporary PVC, and the temporary VolumeSnapshot of the Snapshot copy method. */
    public static String sourceCopy(String job) {
        return name(job, "-src");
    }

    public static String moverJob(String job) {
        return name(job, "-mover");
    }

    private static String name(String job, String suffix) {
        String full = PREFIX + job + suffix;
        if (full.length() <= MAX) {
            return full;
        }
        int room = MAX - PREFIX.length() - suffix.length() - 1 - HASH_CHARS;
        String head = job.substring(0, room).replaceAll("-+$", "");
        return PREFIX + head + "-" + hash(job) + suffix;
    }

    private static String hash(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(job.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package io.replicator.psk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Deterministic pseudo-random test data, produced chunk by chunk, with its SHA-256. */
final class Payload {
    private final SplittableRandom random;
    private final MessageDigest digest = sha256();
    private long remaining;

    Payload(long size, long seed) {
        this.remaining = size;
        this.random = new SplittableRandom(seed);
    }

    /** Fills up to buf.length bytes; returns how many (0 at the end). Digests what it returns. */
    int next(byte[] buf) {
        int n = (int) Math.min(buf.length, remaining);
        for (int i = 0; i < n; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8 && i + k < n; k++) {
                buf[i + k] = (byte) (v >>> (8 * k));
            }
        }
        digest.update(buf, 0, n);
        remaining -= n;
        return n;
    }

    boolean done() {
        return remaining == 0;
    }

    /** Hex SHA-256 of everything returned so far. */
    String hexDigest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

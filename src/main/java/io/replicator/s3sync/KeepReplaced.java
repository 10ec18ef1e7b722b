package io.replicator.s3sync;

import java.time.Clock;
import java.util.Objects;

/**
 * Where a run keeps the destination objects it overwrites or deletes: a bucket (and prefix) on the
 * destination's endpoint, written with server-side copies under a prefix dated by the run:
 * {@code <prefix><UTC run stamp>/<destination bucket>/<destination key>}. Dated prefixes of this
 * destination older than {@code keepDays} are pruned by later runs. {@code clock} dates the runs
 * and decides what is old (tests inject a fixed one).
 */
public record KeepReplaced(String bucket, String prefix, int keepDays, Clock clock) {
    public static final int MAX_DAYS = 36_500;

    public KeepReplaced {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("invalid keep-replaced bucket name '" + bucket + "'");
        }
        prefix = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("keep-replaced prefix must not start with '/': '" + prefix + "'");
        }
        if (keepDays < 1 || keepDays > MAX_DAYS) {
            throw new IllegalArgumentException("keep-days must be within 1.." + MAX_DAYS + ", got " + keepDays);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** With the system clock (UTC). */
    public static KeepReplaced in(String bucket, String prefix, int keepDays) {
        return new KeepReplaced(bucket, prefix, keepDays, Clock.systemUTC());
    }

    /** "bucket/prefix/" for messages and plan lines. */
    public String describe() {
        return bucket + "/" + prefix;
    }
}

package io.replicator.s3sync;

import java.time.Instant;
import java.util.Objects;

/**
 * Which versions of the source a run replicates: the current objects (today's behaviour), every
 * version in order (delete markers included, into a versioned destination), or the objects as they
 * were at one instant (a restore drill).
 */
public record SourceVersions(Mode mode, Instant pointInTime) {
    public enum Mode { CURRENT, ALL, POINT_IN_TIME }

    public static final SourceVersions CURRENT = new SourceVersions(Mode.CURRENT, null);
    public static final SourceVersions ALL = new SourceVersions(Mode.ALL, null);

    public SourceVersions {
        Objects.requireNonNull(mode, "mode");
        if ((mode == Mode.POINT_IN_TIME) != (pointInTime != null)) {
            throw new IllegalArgumentException("a point in time goes with mode POINT_IN_TIME only");
        }
    }

    /** The source as it was at {@code t}: per key the newest version last modified at or before t. */
    public static SourceVersions at(Instant t) {
        return new SourceVersions(Mode.POINT_IN_TIME, Objects.requireNonNull(t, "point in time"));
    }
}

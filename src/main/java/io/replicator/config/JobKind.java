package io.replicator.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of job. Each is spelled one way everywhere: in properties
 * (replicator.&lt;kind&gt;.&lt;job&gt;.*), route templates and ids (&lt;kind&gt;-&lt;job&gt;, direct:&lt;kind&gt;-run),
 * Quartz trigger groups, reports, metrics and the status file.
 */
public enum JobKind {
    BUCKET_SYNC("bucket-sync"),
    VOLUME_SOURCE("volume-source"),
    VOLUME_DESTINATION("volume-destination");

    private final String spelling;

    JobKind(String spelling) {
        this.spelling = spelling;
    }

    /** As in the properties and route ids, e.g. bucket-sync. */
    public String spelling() {
        return spelling;
    }

    /** The kind spelled {@code spelling}, if one is. */
    public static Optional<JobKind> of(String spelling) {
        return Arrays.stream(values()).filter(k -> k.spelling.equals(spelling)).findFirst();
    }

    @Override
    public String toString() {
        return spelling;
    }
}

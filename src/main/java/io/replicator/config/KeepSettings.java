package io.replicator.config;

/**
 * {@code keep-replaced=<bucket>[/prefix]} and {@code keep-days=N} of a bucket-sync job: the bucket on
 * the destination remote where objects a run overwrites or deletes are kept, for {@code days} days.
 * prefix is "" or ends with '/'.
 */
public record KeepSettings(String bucket, String prefix, int days) {
    public static final int DEFAULT_DAYS = 30;
}

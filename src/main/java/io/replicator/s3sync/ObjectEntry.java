package io.replicator.s3sync;

import java.time.Instant;

/**
 * One listed object. {@code key} is relative to the bucket prefix; {@code etag} is unquoted and
 * lower case, or null when the side has none yet (a local file without a valid sidecar);
 * {@code versionId}: the source version to read (a point-in-time run), null for the current one.
 */
public record ObjectEntry(String key, long size, String etag, Instant lastModified, String versionId) {
    public ObjectEntry {
        etag = Etags.normalize(etag);
    }

    public ObjectEntry(String key, long size, String etag, Instant lastModified) {
        this(key, size, etag, lastModified, null);
    }
}

package io.replicator.s3sync;

import java.time.Instant;

/**
 * One listed object. {@code key} is relative to the bucket prefix; {@code etag} is unquoted and
 * lower case, or null when the side has none yet (a local file without a valid sidecar).
 */
public record ObjectEntry(String key, long size, String etag, Instant lastModified) {
    public ObjectEntry {
        etag = Etags.normalize(etag);
    }
}

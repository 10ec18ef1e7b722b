package io.replicator.s3sync;

import java.time.Instant;

/**
 * The source as it was at one instant, as a listing of versioned entries: for each key the newest
 * version last modified at or before that instant; a key whose newest such version is a delete
 * marker, or that has none, is absent. Entries carry the version id, so every read of the copy
 * (GET, HEAD, CopyObject, tags) asks for that version.
 */
final class PointInTimeLister extends LookAheadLister {
    private final VersionListing history;
    private final Instant at;

    PointInTimeLister(VersionListing history, Instant at) {
        this.history = history;
        this.at = at;
        advance();
    }

    /** The source at {@code at}; refused (nothing listed, nothing written) when the source keeps no versions. */
    static PointInTimeLister open(Store source, BucketRef ref, Instant at, int pageSize) {
        if (!(source instanceof S3Store s)) {
            throw new SyncFailure("a point-in-time run needs a versioned S3 source; " + ref.describe()
                    + " is a local directory");
        }
        BucketVersioning.Status status = BucketVersioning.of(s.client, ref.bucket());
        if (!status.hasHistory()) {
            throw new SyncFailure("source bucket '" + ref.bucket() + "' on remote '" + ref.remote().name() + "' ("
                    + ref.remote().location() + ") has " + status.describe() + ": its state at " + at
                    + " cannot be read; nothing was copied or deleted");
        }
        return new PointInTimeLister(new VersionListing(s.client, ref.bucket(), ref.prefix(), pageSize), at);
    }

    /** The version visible at {@code at}, or null when the key did not exist then. */
    static VersionListing.Version visibleAt(VersionListing.KeyHistory h, Instant at) {
        for (VersionListing.Version v : h.newestFirst()) {
            if (!v.lastModified().isAfter(at)) {
                return v.deleteMarker() ? null : v;
            }
        }
        return null;
    }

    @Override
    protected void advance() {
        next = null;
        while (next == null && history.hasNext()) {
            VersionListing.KeyHistory h = history.next();
            VersionListing.Version v = visibleAt(h, at);
            if (v != null) {
                next = new ObjectEntry(h.key(), v.size(), v.etag(), v.lastModified(), v.versionId());
            }
        }
    }
}

package io.replicator.s3sync;

import java.util.List;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Writes one source version as the newest version of its key on a versioned destination and
 * answers the destination's new version id: CopyObject of that version when both sides share
 * endpoint and credentials and the job sets no destination protection (metadata and tags copied by
 * the server), otherwise a streamed GET of that version and one PUT with its headers, its tags and
 * the protection (storage class, encryption: RGW 16 ignores SSE headers on CopyObject); a delete marker becomes a DeleteObject
 * without version id, which adds a delete marker. Single requests only: a version over 5 GiB fails
 * with a message saying so. The listed ETag is checked on every read (If-Match), and a PUT whose
 * answered ETag is not the MD5 of the bytes sent is repeated ({@link UploadCheck}).
 */
final class VersionWriter {
    private final S3Store source;
    private final S3Store destination;

    VersionWriter(S3Store source, S3Store destination) {
        this.source = source;
        this.destination = destination;
    }

    String write(String key, VersionListing.Version v) throws Exception {
        if (v.deleteMarker()) {
            return destination.client.deleteObject(b -> b.bucket(destination.ref.bucket())
                    .key(destination.fullKey(key))).versionId();
        }
        if (v.size() > PartLayout.MAX_SINGLE_PUT) {
            throw new IllegalStateException("version " + v.versionId() + " is larger than 5 GiB (" + v.size()
                    + " bytes): versions=all writes each version with one request and cannot copy it");
        }
        ObjectEntry e = new ObjectEntry(key, v.size(), v.etag(), v.lastModified(), v.versionId());
        if (destination.canCopyFrom(source) && !destination.protectsWrites()) {
            return destination.client.copyObject(b -> b.sourceBucket(source.ref.bucket())
                    .sourceKey(source.fullKey(key)).sourceVersionId(v.versionId()).copySourceIfMatch(Etags.quoted(e.etag()))
                    .destinationBucket(destination.ref.bucket()).destinationKey(destination.fullKey(key))).versionId();
        }
        ObjectReader.Opened first = source.open(e, 0, e.size());
        ReopeningBody body = new ReopeningBody(first.in(), () -> source.open(e, 0, e.size()).in());
        try {
            Integer tagCount = first.meta().tagCount();
            List<Tag> tags = tagCount != null && tagCount > 0 ? source.tags(e) : List.of();
            String md5 = Etags.isPlainMd5(e.etag()) && !first.meta().encrypted() ? e.etag() : null;
            String id = destination.putResponse(key, first.meta(), body, e.size(), md5, S3Store.taggingHeader(tags))
                    .versionId();
            body.close();
            return id;
        } catch (Exception ex) {
            body.abort();
            throw ex;
        }
    }
}

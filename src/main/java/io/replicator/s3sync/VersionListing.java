package io.replicator.s3sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * A bucket's version history (ListObjectVersions, paginated, keys URL-encoded on the wire), one
 * key at a time with its versions newest first. The SDK returns a page's versions and delete
 * markers as two lists, each in the server's order (key, then newest first); they are merged back
 * by key and LastModified. Where a version and a delete marker of one key carry the same
 * LastModified (servers list it to the millisecond or second), the one the server flags as latest
 * comes first, otherwise the version: the lists do not say more.
 */
final class VersionListing implements Iterator<VersionListing.KeyHistory> {

    /** One version of a key: an object (size, ETag) or a delete marker. */
    record Version(String versionId, boolean deleteMarker, long size, String etag, Instant lastModified,
                   boolean latest) {
        Version {
            etag = Etags.normalize(etag);
        }
    }

    /** A key (relative to the prefix) and its versions, newest first. */
    record KeyHistory(String key, List<Version> newestFirst) {
    }

    private final String prefix;
    private final Iterator<ListObjectVersionsResponse> pages;
    private Iterator<Keyed> page = List.<Keyed>of().iterator();
    private Keyed pending;
    private KeyHistory next;
    private long versions;

    record Keyed(String fullKey, Version version) {
    }

    VersionListing(S3Client client, String bucket, String prefix, int pageSize) {
        this.prefix = prefix;
        this.pages = client.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .maxKeys(pageSize).encodingType(EncodingType.URL)).iterator();
        advance();
    }

    /** Versions and delete markers listed so far. */
    long versionCount() {
        return versions;
    }

    private Keyed nextKeyed() {
        while (!page.hasNext()) {
            if (!pages.hasNext()) {
                return null;
            }
            page = merged(pages.next()).iterator();
        }
        versions++;
        return page.next();
    }

    static List<Keyed> merged(ListObjectVersionsResponse r) {
        List<Keyed> out = new ArrayList<>(r.versions().size() + r.deleteMarkers().size());
        int i = 0;
        int j = 0;
        List<ObjectVersion> vs = r.versions();
        List<DeleteMarkerEntry> ms = r.deleteMarkers();
        while (i < vs.size() || j < ms.size()) {
            boolean takeMarker;
            if (i >= vs.size()) {
                takeMarker = true;
            } else if (j >= ms.size()) {
                takeMarker = false;
            } else {
                ObjectVersion v = vs.get(i);
                DeleteMarkerEntry m = ms.get(j);
                int byKey = KeyOrder.UTF8_BINARY.compare(v.key(), m.key());
                if (byKey != 0) {
                    takeMarker = byKey > 0;
                } else {
                    int byTime = m.lastModified().compareTo(v.lastModified());
                    takeMarker = byTime > 0 || (byTime == 0 && Boolean.TRUE.equals(m.isLatest()));
                }
            }
            if (takeMarker) {
                DeleteMarkerEntry m = ms.get(j++);
                out.add(new Keyed(m.key(), new Version(m.versionId(), true, 0, null, m.lastModified(),
                        Boolean.TRUE.equals(m.isLatest()))));
            } else {
                ObjectVersion v = vs.get(i++);
                out.add(new Keyed(v.key(), new Version(v.versionId(), false, v.size(), v.eTag(), v.lastModified(),
                        Boolean.TRUE.equals(v.isLatest()))));
            }
        }
        return out;
    }

    private void advance() {
        next = null;
        while (next == null) {
            Keyed first = pending != null ? pending : nextKeyed();
            pending = null;
            if (first == null) {
                return;
            }
            List<Version> history = new ArrayList<>();
            history.add(first.version());
            Keyed k;
            while ((k = nextKeyed()) != null && k.fullKey().equals(first.fullKey())) {
                history.add(k.version());
            }
            pending = k;
            String key = first.fullKey().substring(prefix.length());
            if (!key.isEmpty()) { // the folder marker named exactly like the prefix is not an object of the job
                next = new KeyHistory(key, List.copyOf(history));
            }
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public KeyHistory next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        KeyHistory h = next;
        advance();
        return h;
    }
}

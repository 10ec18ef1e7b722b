package io.replicator.s3sync;

import java.util.Iterator;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an S3 bucket (under a prefix) page by page with ListObjectsV2: one page in memory at a
 * time, the next page fetched only when the current one is used up. The first page is fetched by
 * the constructor so a missing bucket or bad credentials surface before anything else happens.
 */
final class BucketLister implements Iterator<ObjectEntry> {
    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int pageSize;
    private Iterator<S3Object> page;
    private String continuation;
    private ObjectEntry next;

    BucketLister(S3Client client, String bucket, String prefix, int pageSize) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.pageSize = pageSize;
        fetch(null);
        advance();
    }

    private void fetch(String token) {
        ListObjectsV2Response r = client.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
                .prefix(prefix.isEmpty() ? null : prefix).maxKeys(pageSize).continuationToken(token).build());
        page = r.contents().iterator();
        String nextToken = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
        if (nextToken != null && nextToken.equals(token)) {
            throw new IllegalStateException("listing of bucket '" + bucket + "' returned the same continuation token "
                    + "twice; stopping instead of looping");
        }
        continuation = nextToken;
    }

    private void advance() {
        next = null;
        while (next == null) {
            while (!page.hasNext()) {
                if (continuation == null) {
                    return;
                }
                fetch(continuation);
            }
            S3Object o = page.next();
            String key = o.key().substring(prefix.length());
            if (!key.isEmpty()) { // the folder marker named exactly like the prefix is not an object of the job
                next = new ObjectEntry(key, o.size(), o.eTag(), o.lastModified());
            }
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ObjectEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ObjectEntry e = next;
        advance();
        return e;
    }
}

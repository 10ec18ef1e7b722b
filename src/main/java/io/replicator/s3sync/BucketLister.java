package io.replicator.s3sync;

import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an S3 bucket (under a prefix) with ListObjectsV2, page by page: while the merge works
 * through one page the next one is already being fetched (at most two pages in memory), so the
 * source and destination listings overlap instead of waiting for each other. The first page is
 * fetched by the constructor so a missing bucket or bad credentials surface before anything else.
 * Keys are listed URL-encoded ({@code encoding-type=url}; the SDK decodes them): a key with a
 * character XML 1.0 cannot carry (U+0001...) would otherwise make the whole page unreadable.
 */
final class BucketLister extends LookAheadLister {
    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int pageSize;
    private final Executor prefetch;
    private Iterator<S3Object> page;
    private Future<ListObjectsV2Response> nextPage;
    private String token; // continuation token of nextPage

    BucketLister(S3Client client, String bucket, String prefix, int pageSize, Executor prefetch) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.pageSize = pageSize;
        this.prefetch = prefetch;
        accept(fetch(null), null);
        advance();
    }

    private ListObjectsV2Response fetch(String token) {
        return client.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
                .prefix(prefix.isEmpty() ? null : prefix).maxKeys(pageSize).continuationToken(token)
                .encodingType(EncodingType.URL).build());
    }

    private void accept(ListObjectsV2Response r, String token) {
        page = r.contents().iterator();
        String nextToken = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
        if (nextToken != null && nextToken.equals(token)) {
            throw new IllegalStateException("listing of bucket '" + bucket + "' returned the same continuation token "
                    + "twice; stopping instead of looping");
        }
        nextPage = null;
        if (nextToken != null) {
            FutureTask<ListObjectsV2Response> task = new FutureTask<>(() -> fetch(nextToken));
            prefetch.execute(task);
            nextPage = task;
        }
        this.token = nextToken;
    }

    private ListObjectsV2Response awaitNextPage() {
        try {
            return nextPage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while listing bucket '" + bucket + "'", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new CompletionException(e.getCause());
        }
    }

    @Override
    protected void advance() {
        next = null;
        while (next == null) {
            while (!page.hasNext()) {
                if (nextPage == null) {
                    return;
                }
                accept(awaitNextPage(), token);
            }
            S3Object o = page.next();
            String key = o.key().substring(prefix.length());
            if (!key.isEmpty()) { // the folder marker named exactly like the prefix is not an object of the job
                next = new ObjectEntry(key, o.size(), o.eTag(), o.lastModified());
            }
        }
    }
}

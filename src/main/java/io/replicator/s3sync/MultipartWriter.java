package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload to S3: create, parts in parallel on the shared part pool, complete; abort
 * on any failure so no orphaned parts are left behind. Each upload is in the {@link UploadJournal}
 * from before its first part until it is completed or aborted, so one a killed run left is found.
 * Part tasks never wait on other tasks, so the object threads waiting here cannot deadlock the pool.
 */
final class MultipartWriter {

    /** Writes part {@code partNumber} = bytes [offset, offset+length) and returns its ETag. */
    interface PartUpload {
        String upload(String uploadId, int partNumber, long offset, long length) throws Exception;
    }

    private final ExecutorService partPool;
    private final UploadJournal journal;

    MultipartWriter(ExecutorService partPool, UploadJournal journal) {
        this.partPool = partPool;
        this.journal = journal;
    }

    String write(S3Store dst, String key, ObjectMeta meta, PartLayout layout, PartUpload parts) throws Exception {
        String uploadId = dst.createMultipart(key, meta);
        List<Future<String>> futures = new ArrayList<>(layout.partCount());
        try {
            journal.opened(dst.fullKey(key), uploadId);
            for (int n = 1; n <= layout.partCount(); n++) {
                int part = n;
                futures.add(partPool.submit(() -> parts.upload(uploadId, part, layout.partOffset(part),
                        layout.partLength(part))));
            }
            List<CompletedPart> done = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                done.add(CompletedPart.builder().partNumber(i + 1).eTag(futures.get(i).get()).build());
            }
            String etag = dst.complete(key, uploadId, done);
            closeQuietly(dst, key, uploadId);
            return etag;
        } catch (Exception e) {
            futures.forEach(f -> f.cancel(true));
            try {
                dst.abort(key, uploadId);
                closeQuietly(dst, key, uploadId); // a failed abort keeps its journal entry: the next run aborts it
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e instanceof ExecutionException ee && ee.getCause() instanceof Exception c ? c : e;
        }
    }

    /** A journal entry left behind only makes the next run abort an upload that is already gone. */
    private void closeQuietly(S3Store dst, String key, String uploadId) {
        try {
            journal.closed(dst.fullKey(key), uploadId);
        } catch (RuntimeException ignored) {
            // harmless: see above
        }
    }
}

package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload to S3: create, parts in parallel on the shared part pool, complete; abort
 * on any failure so no orphaned parts are left behind. Part tasks never wait on other tasks, so the
 * object threads waiting here cannot deadlock the pool.
 */
final class MultipartWriter {

    /** Writes part {@code partNumber} = bytes [offset, offset+length) and returns its ETag. */
    interface PartUpload {
        String upload(String uploadId, int partNumber, long offset, long length) throws Exception;
    }

    private final ExecutorService partPool;

    MultipartWriter(ExecutorService partPool) {
        this.partPool = partPool;
    }

    String write(S3Store dst, String key, ObjectMeta meta, PartLayout layout, PartUpload parts) throws Exception {
        String uploadId = dst.createMultipart(key, meta);
        List<Future<String>> futures = new ArrayList<>(layout.partCount());
        try {
            for (int n = 1; n <= layout.partCount(); n++) {
                int part = n;
                futures.add(partPool.submit(() -> parts.upload(uploadId, part, layout.partOffset(part),
                        layout.partLength(part))));
            }
            List<CompletedPart> done = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                done.add(CompletedPart.builder().partNumber(i + 1).eTag(futures.get(i).get()).build());
            }
            return dst.complete(key, uploadId, done);
        } catch (Exception e) {
            futures.forEach(f -> f.cancel(true));
            try {
                dst.abort(key, uploadId);
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e instanceof ExecutionException ee && ee.getCause() instanceof Exception c ? c : e;
        }
    }
}

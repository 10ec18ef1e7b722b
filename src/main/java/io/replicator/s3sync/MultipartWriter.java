package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One multipart upload to S3: create (or resume one an interrupted run left, {@link ResumableUploads}),
 * the missing parts in parallel on the shared part pool, complete. Each upload is in the
 * {@link UploadJournal} from before its first part until it is completed or aborted, so one a
 * killed run left is found. On failure the upload is aborted, unless the journal keeps it and the
 * failure may pass (an I/O error, a timeout, a 5xx, an interruption): then its parts wait for the
 * next run. Part tasks never wait on other tasks, so the object threads waiting here cannot
 * deadlock the pool.
 */
final class MultipartWriter {

    /** Writes part {@code partNumber} = bytes [offset, offset+length) and returns its ETag. */
    interface PartUpload {
        String upload(String uploadId, int partNumber, long offset, long length) throws Exception;
    }

    private final ExecutorService partPool;
    private final UploadJournal journal;
    private final ResumableUploads resumable;
    private final RunTotals totals;

    MultipartWriter(ExecutorService partPool, UploadJournal journal, ResumableUploads resumable, RunTotals totals) {
        this.partPool = partPool;
        this.journal = journal;
        this.resumable = resumable;
        this.totals = totals;
    }

    /** encrypted: the destination encrypts (its part ETags are no MD5s, so a resumed upload's cannot be checked). */
    String write(S3Store dst, ObjectEntry e, ObjectMeta meta, PartLayout layout, boolean encrypted, PartUpload parts)
            throws Exception {
        ResumableUploads.Resumed resumed = resumable.claim(dst, e, layout);
        String uploadId = resumed != null ? resumed.uploadId() : dst.createMultipart(e.key(), meta);
        Map<Integer, String> kept = resumed != null ? resumed.parts() : Map.of();
        List<Future<String>> futures = new ArrayList<>(layout.partCount());
        boolean journalled = resumed != null;
        try {
            if (resumed == null) {
                journal.opened(dst.fullKey(e.key()), uploadId, UploadRecord.of(e, layout));
                journalled = true;
            }
            for (int n = 1; n <= layout.partCount(); n++) {
                int part = n;
                String done = kept.get(part);
                futures.add(done != null ? CompletableFuture.completedFuture(done)
                        : partPool.submit(() -> parts.upload(uploadId, part, layout.partOffset(part),
                                layout.partLength(part))));
            }
            List<CompletedPart> done = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                done.add(CompletedPart.builder().partNumber(i + 1).eTag(futures.get(i).get()).build());
            }
            if (!kept.isEmpty() && !encrypted && !addsUpToSource(e, done)) {
                // a kept part holds other bytes than the source's: never complete it; start over once
                abort(dst, e.key(), uploadId);
                totals.note("aborted the resumed upload of '" + KeyText.escape(e.key()) + "': its parts do not add "
                        + "up to the source ETag " + e.etag() + "; sending every part again");
                return new MultipartWriter(partPool, journal, ResumableUploads.NONE, totals)
                        .write(dst, e, meta, layout, encrypted, parts);
            }
            String etag = dst.complete(e.key(), uploadId, done);
            closeQuietly(dst, e.key(), uploadId);
            return etag;
        } catch (Exception ex) {
            futures.forEach(f -> f.cancel(true));
            Exception cause = ex instanceof ExecutionException ee && ee.getCause() instanceof Exception c ? c : ex;
            if (journalled && journal != UploadJournal.NONE && mayPass(cause)) {
                totals.note("kept multipart upload " + uploadId + " of '" + KeyText.escape(e.key())
                        + "' for the next run to resume");
                throw cause;
            }
            try {
                abort(dst, e.key(), uploadId); // a failed abort keeps its journal entry: the next run aborts it
            } catch (RuntimeException abortFailure) {
                cause.addSuppressed(abortFailure);
            }
            throw cause;
        }
    }

    /**
     * Whether the parts' ETags add up to the source's multipart ETag. Checkable only where the
     * layout reproduces the source's (same part count): elsewhere the kept parts are trusted for
     * what binds them to the source version: the journal record, reads conditional on its ETag,
     * and the MD5 check of each part when it was sent ({@link UploadCheck}).
     */
    private static boolean addsUpToSource(ObjectEntry e, List<CompletedPart> parts) {
        if (Etags.partCount(e.etag()) != parts.size()) {
            return true;
        }
        return e.etag().equals(Md5.multipartEtag(parts.stream().map(CompletedPart::eTag).toList()));
    }

    /**
     * A failure a later run may not meet: the parts sent stay useful. Not so: the source changed
     * (412), a layout the server refuses, any other refusal (4xx).
     */
    private static boolean mayPass(Exception e) {
        return !(e instanceof S3Exception s && s.statusCode() >= 400 && s.statusCode() < 500)
                && !(e instanceof IllegalStateException);
    }

    private void abort(S3Store dst, String key, String uploadId) {
        dst.abort(key, uploadId);
        closeQuietly(dst, key, uploadId);
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

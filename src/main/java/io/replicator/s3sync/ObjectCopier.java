package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Copies one object from the source to the destination, choosing the cheapest path: S3 CopyObject
 * or UploadPartCopy when both sides share endpoint and credentials, otherwise streamed GET -> PUT
 * (or parallel ranged GET -> UploadPart) without buffering objects in memory. For S3 destinations
 * the source's part layout is reproduced so the ETags match; when that fails the object is written
 * in a layout that can never compare, and the sync state records both ETags.
 */
final class ObjectCopier {
    private static final int LAYOUT_GUESSES = 2;

    private final Store source;
    private final S3Store s3Destination;
    private final LocalStore localDestination;
    private final SyncOptions options;
    private final MultipartWriter multipart;
    private final RunTotals totals;
    private final TagCarrier tags;
    private final ResumableUploads resumable;
    private final ObjectLockCarrier locks;
    /** The destination encrypts (SSE-KMS, SSE-C): its ETags never equal the source's, so no layout is guessed twice. */
    private final boolean encrypting;

    /** Without an upload journal: for copies outside a run's sync state (the copier's own tests). */
    ObjectCopier(Store source, Store destination, SyncOptions options, ExecutorService partPool, RunTotals totals) {
        this(source, destination, options, partPool, totals, UploadJournal.NONE, ResumableUploads.NONE);
    }

    ObjectCopier(Store source, Store destination, SyncOptions options, ExecutorService partPool,
                 RunTotals totals, UploadJournal journal, ResumableUploads resumable) {
        this.source = source;
        this.s3Destination = destination instanceof S3Store s ? s : null;
        this.localDestination = destination instanceof LocalStore l ? l : null;
        this.options = options;
        this.multipart = new MultipartWriter(partPool, journal, resumable, totals);
        this.resumable = resumable;
        this.totals = totals;
        this.tags = new TagCarrier(source, destination, totals);
        this.locks = s3Destination == null ? null : new ObjectLockCarrier(source, s3Destination, totals);
        this.encrypting = s3Destination != null && s3Destination.protection().encryption().opaqueEtags();
    }

    /** Returns the destination's ETag as the server answered (normalized), null when unknown or local. */
    String copy(ObjectEntry e) throws Exception {
        if (localDestination != null) {
            new LocalWrite(source, localDestination, options.retry()).write(e);
            return null;
        }
        String want = e.etag();
        int parts = Etags.partCount(want);
        ObjectMeta[] meta = new ObjectMeta[1];
        for (PartLayout layout : layoutsFor(e, parts, meta)) {
            String got;
            try {
                got = written(e, layout, meta);
            } catch (S3Exception ex) {
                if (!layout.isMultipart() || !ErrorText.isLayoutRefused(ex)) {
                    throw ex;
                }
                break; // e.g. EntityTooSmall: this layout cannot be written here, another one can
            }
            if (want == null || got == null || got.equals(want) || encrypting) {
                return got; // encrypting: the sync state records both ETags
            }
            if (!layout.isMultipart()) {
                totals.note(KeyText.escape(e.key()) + ": destination ETag " + got + " differs from source ETag " + want
                        + " after a single-part copy (the destination does not use MD5 ETags?)");
                return got;
            }
        }
        // None of the guessed part sizes reproduced the source ETag: make the ETags incomparable on
        // purpose, or every later run would see "content differs" and copy the object again.
        String got = written(e, PartLayout.incomparableWith(e.size(), parts), meta);
        totals.note(KeyText.escape(e.key()) + ": the source's part layout (" + parts + " parts) could not be "
                + "reproduced; the sync state records both ETags");
        return got;
    }

    /**
     * Writes the object and returns the destination's ETag, normalized; null when the server gives
     * none. Ceph RGW may answer CompleteMultipartUpload with an empty ETag: the object is then asked
     * for it with one HEAD, since an empty ETag says nothing about the layout.
     */
    private String written(ObjectEntry e, PartLayout layout, ObjectMeta[] meta) throws Exception {
        String got = Etags.normalize(write(e, layout, meta));
        if (got == null || got.isEmpty()) {
            got = Etags.normalize(s3Destination.etagOf(e.key()));
        }
        return got == null || got.isEmpty() ? null : got;
    }

    /** Layouts to try, most likely first; fills meta[0] when the part-size HEAD brought it along. */
    private List<PartLayout> layoutsFor(ObjectEntry e, int parts, ObjectMeta[] meta) {
        if (parts > 0) {
            S3Store.PartInfo info = source instanceof S3Store s ? s.firstPart(e) : new S3Store.PartInfo(0, null);
            if (info.partSize() > 0) {
                meta[0] = info.meta();
                return List.of(PartLayout.multipart(e.size(), info.partSize()));
            }
            List<PartLayout> c = new ArrayList<>(PartLayout.candidates(e.size(), parts, options.partSize()));
            // the guess an interrupted run was writing first: its parts are there to resume
            long resumed = resumable.partSizeFor(s3Destination, e);
            c.sort(Comparator.comparing(l -> l.partSize() != resumed));
            return c.subList(0, Math.min(LAYOUT_GUESSES, c.size()));
        }
        if (Etags.isPlainMd5(e.etag()) && e.size() <= PartLayout.MAX_SINGLE_PUT) {
            return List.of(PartLayout.single(e.size()));
        }
        return List.of(PartLayout.byCutoff(e.size(), options.multipartCutoff(), options.partSize()));
    }

    private String write(ObjectEntry e, PartLayout layout, ObjectMeta[] meta) throws Exception {
        S3Store sameAccount = source instanceof S3Store s && s3Destination.canCopyFrom(s) ? s : null;
        if (sameAccount != null) {
            return confirmedUnchanged(sameAccount, e, serverSideCopy(sameAccount, e, layout, meta));
        }
        if (!layout.isMultipart()) {
            return streamedPut(e);
        }
        return taggedMultipart(e, layout, meta, (id, part, off, len) -> {
            ReopeningBody body = new ReopeningBody(null, () -> source.open(e, off, len).in());
            return uploadClosing(body, () -> s3Destination.uploadPart(e.key(), id, part, body, len));
        });
    }

    private String serverSideCopy(S3Store from, ObjectEntry e, PartLayout layout, ObjectMeta[] meta) throws Exception {
        if (!layout.isMultipart() && encrypting) {
            // Ceph RGW 16 ignores encryption headers on CopyObject (the copy is stored in clear) but
            // honours them on a multipart copy: one part, still no bytes through the app
            return taggedMultipart(e, PartLayout.multipart(e.size(), Math.max(1, e.size())), meta, (id, part, off, len) ->
                    s3Destination.uploadPartCopy(from, e, e.key(), id, part, off, len));
        }
        if (!layout.isMultipart()) {
            // a CopyObject carries neither storage class nor lock: where they are wanted, one HEAD reads them
            boolean read = s3Destination.protection().needsSourceStorageClass() || locks.sourceMayLock();
            return s3Destination.copyFrom(from, e, e.key(), read ? written(e, from.meta(e)).protection()
                    : ObjectProtection.NONE);
        }
        // CopyObject copies the tags itself; a multipart copy makes a new object, which needs them given
        return taggedMultipart(e, layout, meta, (id, part, off, len) ->
                s3Destination.uploadPartCopy(from, e, e.key(), id, part, off, len));
    }

    /** A multipart upload or copy (fills meta[0] if empty), then the source's tags on the new object. */
    private String taggedMultipart(ObjectEntry e, PartLayout layout, ObjectMeta[] meta, MultipartWriter.PartUpload parts)
            throws Exception {
        if (meta[0] == null) {
            meta[0] = source.meta(e);
        }
        List<Tag> tagSet = tags.tagsOf(e, meta[0]);
        ObjectMeta written = written(e, meta[0]);
        String etag = multipart.write(s3Destination, e, written, layout, encrypting, parts);
        tags.tag(s3Destination, e.key(), tagSet);
        if (written.protection().locked()) {
            s3Destination.putLock(e.key(), written.protection()); // RGW 16 ignores the lock on CreateMultipartUpload
        }
        return etag;
    }

    /**
     * A server-side copy reads the source with x-amz-copy-source-if-match, which Ceph RGW 16 ignores.
     * A resulting ETag equal to the listed one proves the copy read the listed version; any other
     * result is confirmed with a conditional HEAD of the source (If-Match works on RGW): an object
     * changed meanwhile fails instead of leaving parts of two versions on the destination.
     */
    private static String confirmedUnchanged(S3Store from, ObjectEntry e, String copyEtag) {
        if (e.etag() == null || e.etag().equals(Etags.normalize(copyEtag))) {
            return copyEtag;
        }
        try {
            from.meta(e);
        } catch (S3Exception ex) {
            if (ex.statusCode() == 412) {
                throw new IllegalStateException("the source object changed during the server-side copy (its ETag "
                        + "is no longer " + e.etag() + "); the next run copies it again", ex);
            }
            throw ex;
        }
        return copyEtag;
    }

    /**
     * GET first (its headers carry the metadata), then PUT: small objects from memory, larger ones
     * streaming the response body.
     */
    private String streamedPut(ObjectEntry e) throws Exception {
        if (source instanceof S3Store s && e.size() <= DirectObjects.MAX_SIZE) {
            DirectObjects.Fetched o = readSmall(s, e);
            String md5 = Etags.isPlainMd5(e.etag()) && !o.meta().encrypted() ? e.etag() : Md5.hex(o.body());
            return tags.write(tags.tagsOf(e, o.meta()),
                    tagging -> s3Destination.putSmall(e.key(), written(e, o.meta()), o.body(), md5, tagging));
        }
        ObjectReader.Opened first = source.open(e, 0, e.size());
        ReopeningBody body = new ReopeningBody(first.in(), () -> source.open(e, 0, e.size()).in());
        // the listed ETag is the body's MD5 unless the GET said SSE-KMS/SSE-C (listings do not say)
        String md5 = Etags.isPlainMd5(e.etag()) && !first.meta().encrypted() ? e.etag() : null;
        return uploadClosing(body, () -> tags.write(tags.tagsOf(e, first.meta()),
                tagging -> s3Destination.put(e.key(), written(e, first.meta()), body, e.size(), md5, tagging)));
    }

    /**
     * The SDK retries a GET only until its response starts: a connection reset while the body is
     * read (after the direct path already failed once) would fail the object, so the read is
     * repeated whole, as a local write's is.
     */
    private DirectObjects.Fetched readSmall(S3Store s, ObjectEntry e) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return s.readSmall(e);
            } catch (IOException ex) {
                if (attempt >= options.retry().maxRetries()) {
                    throw ex;
                }
                Thread.sleep(Backoff.delayMillis(options.retry(), attempt));
            }
        }
    }

    /** The source's headers with the lock only where the destination keeps it. */
    private ObjectMeta written(ObjectEntry e, ObjectMeta sourceMeta) {
        return sourceMeta.withProtection(locks.written(e.key(), sourceMeta.protection()));
    }

    private interface Upload {
        String run() throws Exception;
    }

    private static String uploadClosing(ReopeningBody body, Upload upload) throws Exception {
        try {
            String etag = upload.run();
            body.close();
            return etag;
        } catch (Exception ex) {
            body.abort();
            throw ex;
        }
    }

    /** Into a local destination: one streamed read per object, retried whole on I/O errors. */
    private record LocalWrite(ObjectReader source, LocalStore dst, RetryPolicy retry) {
        void write(ObjectEntry e) throws Exception {
            for (int attempt = 0; ; attempt++) {
                ObjectReader.Opened o = source.open(e, 0, e.size());
                InputStream in = o.in();
                try {
                    dst.write(e, in, o.meta());
                    ReopeningBody.closeQuietly(in);
                    return;
                } catch (IOException ex) {
                    ReopeningBody.abort(in);
                    if (attempt >= retry.maxRetries() || ex instanceof LocalStore.KeyConflict) {
                        throw ex;
                    }
                    Thread.sleep(Backoff.delayMillis(retry, attempt));
                }
            }
        }
    }
}

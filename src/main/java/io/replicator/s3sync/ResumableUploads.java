package io.replicator.s3sync;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The multipart uploads an interrupted run of this job left (found in its journal, so never
 * another tool's), offered to the copier of the same key. An upload is resumed only for the same
 * source version (ETag, size, last-modified) in the same part layout; its listed parts are kept
 * when their number and size fit that layout and they have an ETag; the rest are sent again.
 * An upload that does not fit is aborted. Uploads no copy claimed are aborted at the end of a run
 * that listed both sides completely without errors (the object no longer needed them), and kept
 * otherwise (the next run may still need them).
 */
final class ResumableUploads {
    static final ResumableUploads NONE = new ResumableUploads(null, List.of(), null);

    /** An upload to continue: its id and the parts it already holds (part number -> ETag). */
    record Resumed(String uploadId, Map<Integer, String> parts) {
    }

    private final StateStore store;
    private final Map<String, StateStore.Orphan> byKey = new ConcurrentHashMap<>();
    private final RunTotals totals;

    ResumableUploads(StateStore store, List<StateStore.Orphan> orphans, RunTotals totals) {
        this.store = store;
        this.totals = totals;
        for (StateStore.Orphan o : orphans) {
            byKey.put(o.bucket() + "/" + o.key(), o);
        }
    }

    /** The part size an upload left for this source version used, 0 when there is none. */
    long partSizeFor(S3Store dst, ObjectEntry e) {
        StateStore.Orphan o = byKey.get(dst.ref.bucket() + "/" + dst.fullKey(e.key()));
        return o != null && o.record().resumableAs(UploadRecord.of(e, PartLayout.multipart(e.size(),
                o.record().partSize()))) ? o.record().partSize() : 0;
    }

    /**
     * The upload to continue for this object in this layout, or null to start a new one (an upload
     * left for another source version or layout is aborted first). Costs one ListParts per resumed upload.
     */
    Resumed claim(S3Store dst, ObjectEntry e, PartLayout layout) {
        StateStore.Orphan o = byKey.remove(dst.ref.bucket() + "/" + dst.fullKey(e.key()));
        if (o == null) {
            return null;
        }
        if (!o.record().resumableAs(UploadRecord.of(e, layout))) {
            store.abort(o);
            totals.note("aborted " + describe(o) + ": the source changed or is written in another part layout");
            return null;
        }
        Map<Integer, S3Store.ListedPart> listed;
        try {
            listed = dst.listParts(e.key(), o.uploadId());
        } catch (S3Exception ex) {
            if (ex.statusCode() != 404) {
                throw ex;
            }
            store.forget(o);
            totals.note(describe(o) + " is gone (NoSuchUpload); starting a new one");
            return null;
        }
        Map<Integer, String> kept = new TreeMap<>();
        listed.forEach((n, p) -> {
            if (n >= 1 && n <= layout.partCount() && p.size() == layout.partLength(n)
                    && p.etag() != null && !Etags.normalize(p.etag()).isEmpty()) {
                kept.put(n, p.etag());
            }
        });
        totals.note("resumed " + describe(o) + ": " + kept.size() + " of " + layout.partCount()
                + " parts kept, " + (layout.partCount() - kept.size()) + " sent");
        return new Resumed(o.uploadId(), kept);
    }

    /** After a complete, error-free run: aborts the uploads no copy claimed. */
    void abortUnclaimed(ErrorText errors) {
        for (StateStore.Orphan o : byKey.values()) {
            try {
                store.abort(o);
                totals.note("aborted " + describe(o) + ": the object no longer needed it");
            } catch (RuntimeException ex) {
                totals.error("cannot abort " + describe(o) + ": " + errors.describe(ex));
            }
        }
        byKey.clear();
    }

    static String describe(StateStore.Orphan o) {
        return "multipart upload " + o.uploadId() + " of '" + KeyText.escape(o.key()) + "' left by an interrupted run";
    }
}

package io.replicator.s3sync;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object tags on every copy path that does not carry them by itself (a single CopyObject does):
 * read from the source with GET ?tagging only when the object may have tags (a GET's
 * x-amz-tagging-count says so; a HEAD does not, so multipart copies always ask), written with a
 * single-request upload as x-amz-tagging, and after a multipart upload with PUT ?tagging (Ceph RGW
 * 16 ignores x-amz-tagging on CreateMultipartUpload). A server without tagging (S3Proxy answers 501)
 * is noted once per run and not asked again; the objects are still copied, without their tags.
 */
final class TagCarrier {
    /** Writes the object with these tags (null: none). */
    interface Write {
        String with(String tagging) throws Exception;
    }

    private final Store source;
    private final RunTotals totals;
    private final String sourceName;
    private final String destinationName;
    private final AtomicBoolean sourceUnsupported = new AtomicBoolean();
    private final AtomicBoolean destinationUnsupported = new AtomicBoolean();

    TagCarrier(Store source, Store destination, RunTotals totals) {
        this.source = source;
        this.totals = totals;
        this.sourceName = describe(source);
        this.destinationName = describe(destination);
    }

    /** The source object's tags; empty: none, a local source, or a source without tagging. */
    List<Tag> tagsOf(ObjectEntry e, ObjectMeta meta) {
        if (!(source instanceof S3Store s) || sourceUnsupported.get()
                || (meta != null && meta.tagCount() != null && meta.tagCount() == 0)) {
            return List.of();
        }
        try {
            return s.tags(e);
        } catch (S3Exception ex) {
            if (!unsupported(ex)) {
                throw ex;
            }
            if (!sourceUnsupported.getAndSet(true)) {
                totals.note(sourceName + " does not support object tagging (HTTP " + ex.statusCode()
                        + "); tags are not carried from it in this run");
            }
            return List.of();
        }
    }

    /** One request with the tags; a destination that refuses tagging gets the object without them (noted once). */
    String write(List<Tag> tags, Write write) throws Exception {
        String tagging = S3Store.taggingHeader(tags);
        if (tagging == null || destinationUnsupported.get()) {
            return write.with(null);
        }
        try {
            return write.with(tagging);
        } catch (S3Exception ex) {
            destinationRefused(ex);
            return write.with(null);
        }
    }

    /** Tags an object just written in parts (no-op without tags). */
    void tag(S3Store destination, String key, List<Tag> tags) {
        if (tags.isEmpty() || destinationUnsupported.get()) {
            return;
        }
        try {
            destination.putTags(key, tags);
        } catch (S3Exception ex) {
            destinationRefused(ex);
        }
    }

    private void destinationRefused(S3Exception ex) {
        if (!unsupported(ex)) {
            throw ex;
        }
        if (!destinationUnsupported.getAndSet(true)) {
            totals.note(destinationName + " does not support object tagging (HTTP " + ex.statusCode()
                    + "); objects are copied there without their tags in this run");
        }
    }

    private static boolean unsupported(S3Exception ex) {
        return ex.statusCode() == 501;
    }

    private static String describe(Store s) {
        return s instanceof S3Store s3 ? "remote '" + s3.remote.name() + "' (" + s3.remote.location() + ")" : "local";
    }
}

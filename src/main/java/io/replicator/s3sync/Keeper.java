package io.replicator.s3sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps what a run destroys ({@link KeepReplaced}): before an overwrite or a delete, the destination
 * object is copied server-side (CopyObject: metadata and tags go with it, no bytes through the app)
 * to {@code <keep prefix><run stamp>/<destination bucket>/<destination key>} in the keep bucket.
 * Objects over 5 GiB are copied in parts (UploadPartCopy). A keep that fails throws, and the caller
 * then neither overwrites nor deletes that object. At the
 * end of a run without errors, the dated prefixes of this destination older than keep-days are
 * pruned; only prefixes named by a run stamp are ever touched.
 */
final class Keeper implements AutoCloseable {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final KeepReplaced keep;
    private final S3Store destination;
    private final String stamp;
    private static final long PART_SIZE = 512 * PartLayout.MIB;

    private final int parallelism;
    private final long singleCopyLimit;
    private final long partSize;
    private ExecutorService pool;
    private ExecutorService partPool;

    /** singleCopyLimit, partSize: above the limit an object is kept with UploadPartCopy in parts of partSize. */
    Keeper(KeepReplaced keep, S3Store destination, int parallelism, long singleCopyLimit, long partSize) {
        this.keep = keep;
        this.destination = destination;
        this.stamp = STAMP.format(keep.clock().instant());
        this.parallelism = parallelism;
        this.singleCopyLimit = singleCopyLimit;
        this.partSize = partSize;
    }

    /** The job's keeper for this run; null when the job keeps nothing. */
    static Keeper open(BucketJob job, Store destination, int parallelism) {
        if (job.keep() == null) {
            return null;
        }
        if (!(destination instanceof S3Store s)) {
            throw new SyncFailure("keep-replaced needs an S3 destination; " + job.destination().describe()
                    + " is a local directory");
        }
        return new Keeper(job.keep(), s, parallelism, PartLayout.MAX_SINGLE_PUT, PART_SIZE);
    }

    /**
     * The keep place must lie outside what the job syncs: inside the destination's range it would be
     * listed as extraneous (and deleted), inside a same-endpoint source's range it would be copied.
     */
    static void checkJob(BucketJob job) {
        KeepReplaced k = job.keep();
        if (k == null) {
            return;
        }
        if (k.prefix().startsWith(ReservedPrefix.PREFIX)) {
            throw new SyncFailure("keep-replaced place " + k.describe() + " lies inside the reserved prefix "
                    + ReservedPrefix.PREFIX);
        }
        for (BucketRef r : List.of(job.destination(), job.source())) {
            boolean sameEndpoint = r == job.destination() || r.remote() instanceof S3Remote s
                    && job.destination().remote() instanceof S3Remote d && java.util.Objects.equals(s.endpoint(), d.endpoint());
            if (sameEndpoint && r.bucket().equals(k.bucket())
                    && (k.prefix().startsWith(r.prefix()) || r.prefix().startsWith(k.prefix()))) {
                throw new SyncFailure("keep-replaced place " + k.describe() + " overlaps the synced range of "
                        + r.describe() + "; keep it in another bucket or under a prefix outside the synced one");
            }
        }
    }

    /** Where {@code key} (relative to the destination prefix) is kept in the keep bucket. */
    String placeOf(String key) {
        return keep.prefix() + stamp + "/" + destination.ref.bucket() + "/" + destination.fullKey(key);
    }

    /** "keep-bucket/prefix/stamp/" for messages. */
    String describe() {
        return keep.bucket() + "/" + keep.prefix() + stamp + "/";
    }

    /** The plan line of a keep a real run would make. */
    String planLine(String key, String why) {
        return "keep " + KeyText.escape(key) + " (" + why + ") as " + KeyText.escape(keep.bucket() + "/" + placeOf(key));
    }

    /**
     * Copies the destination object to its keep place; {@code etag} (may be null) makes the copy
     * conditional on the listed version. Throws when the object could not be kept.
     */
    void keep(String key, long size, String etag) throws Exception {
        if (size > singleCopyLimit) {
            keepInParts(key, size, etag);
            return;
        }
        destination.client.copyObject(b -> b.sourceBucket(destination.ref.bucket()).sourceKey(destination.fullKey(key))
                .copySourceIfMatch(etag == null ? null : Etags.quoted(etag))
                .destinationBucket(keep.bucket()).destinationKey(placeOf(key)));
    }

    /**
     * A single CopyObject stops at 5 GiB: larger objects are copied with UploadPartCopy, the headers
     * taken from a HEAD and the tags written after (as CopyObject would have carried them), every
     * read conditional on one ETag. A failure aborts the upload.
     */
    private void keepInParts(String key, long size, String listedEtag) throws Exception {
        String etag = listedEtag != null ? listedEtag : Etags.normalize(destination.etagOf(key));
        ObjectEntry e = new ObjectEntry(key, size, etag, null);
        ObjectMeta meta = destination.meta(e);
        S3Store place = new S3Store(new BucketRef(destination.remote, keep.bucket()), destination.client, null);
        String placeKey = placeOf(key);
        // not journalled, so never resumed: a keep copy cut short is made again from the start
        new MultipartWriter(partPool(), UploadJournal.NONE, ResumableUploads.NONE, null).write(place,
                new ObjectEntry(placeKey, size, etag, null), meta, PartLayout.byCutoff(size, 0, partSize), false,
                (id, part, off, len) -> place.uploadPartCopy(destination, e, placeKey, id, part, off, len));
        List<software.amazon.awssdk.services.s3.model.Tag> tags;
        try {
            tags = destination.tags(e);
        } catch (software.amazon.awssdk.services.s3.model.S3Exception ex) {
            if (ex.statusCode() != 501) { // 501: the server keeps no tags (S3Proxy)
                throw ex;
            }
            tags = List.of();
        }
        if (!tags.isEmpty()) {
            place.putTags(placeKey, tags);
        }
    }

    private synchronized ExecutorService partPool() {
        if (partPool == null) {
            partPool = Executors.newFixedThreadPool(parallelism, daemon("s3sync-keep-part"));
        }
        return partPool;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Keeps every item, {@code parallelism} at a time; returns key -> error for those not kept. */
    Map<String, String> keepAll(List<DeleteQueue.Item> items, ErrorText errors) throws InterruptedException {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(parallelism, daemon("s3sync-keep"));
        }
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (DeleteQueue.Item i : items) {
            futures.add(pool.submit(() -> {
                keep(i.key(), i.size(), null);
                return null;
            }));
        }
        Map<String, String> failed = new HashMap<>();
        for (int n = 0; n < items.size(); n++) {
            try {
                futures.get(n).get();
            } catch (ExecutionException e) {
                failed.put(items.get(n).key(), errors.describe(e.getCause()));
            }
        }
        return failed;
    }

    /**
     * Removes what runs of this destination kept more than keep-days ago (DRY_RUN: plans it). Only
     * prefixes named by a run stamp, and in them only this destination's folder, are touched.
     */
    void prune(SyncMode mode, RunTotals totals, ErrorText errors) {
        try {
            pruneOld(mode, totals);
        } catch (RuntimeException e) {
            totals.error("pruning the keep place " + keep.describe() + " failed: " + errors.describe(e));
        }
    }

    private void pruneOld(SyncMode mode, RunTotals totals) {
        Instant cutoff = keep.clock().instant().minus(Duration.ofDays(keep.keepDays()));
        long pruned = 0;
        for (String dated : datedPrefixesBefore(cutoff)) {
            String folder = dated + destination.ref.bucket() + "/" + destination.ref.prefix();
            List<String> keys = new ArrayList<>();
            for (S3Object o : destination.client.listObjectsV2Paginator(b -> b.bucket(keep.bucket()).prefix(folder))
                    .contents()) {
                keys.add(o.key());
            }
            if (keys.isEmpty()) {
                continue;
            }
            if (mode == SyncMode.DRY_RUN) {
                totals.planLine("prune " + keys.size() + " objects kept under " + KeyText.escape(keep.bucket() + "/"
                        + folder) + " (more than " + keep.keepDays() + " days ago)");
            } else {
                pruned += delete(keys, totals);
            }
        }
        if (pruned > 0) {
            totals.note("pruned " + pruned + " objects kept in " + keep.describe() + " more than " + keep.keepDays()
                    + " days ago");
        }
    }

    private List<String> datedPrefixesBefore(Instant cutoff) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = destination.client.listObjectsV2(b -> b.bucket(keep.bucket())
                    .prefix(keep.prefix()).delimiter("/").continuationToken(t));
            for (CommonPrefix cp : page.commonPrefixes()) {
                String name = cp.prefix().substring(keep.prefix().length(), cp.prefix().length() - 1);
                Instant when = stampTime(name);
                if (when != null && when.isBefore(cutoff)) {
                    out.add(cp.prefix());
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    /** The time a run stamp names; null for any other name (not ours: never pruned). */
    static Instant stampTime(String name) {
        try {
            return Instant.from(STAMP.parse(name));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long delete(List<String> keys, RunTotals totals) {
        long deleted = 0;
        for (int from = 0; from < keys.size(); from += DeletePhase.BATCH) {
            List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> ids = keys
                    .subList(from, Math.min(keys.size(), from + DeletePhase.BATCH)).stream()
                    .map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(k).build()).toList();
            var r = destination.client.deleteObjects(b -> b.bucket(keep.bucket()).delete(d -> d.quiet(true).objects(ids)));
            r.errors().forEach(e -> totals.error("pruning " + KeyText.escape(keep.bucket() + "/" + e.key())
                    + " failed: " + e.code() + " " + e.message()));
            deleted += ids.size() - r.errors().size();
        }
        return deleted;
    }

    @Override
    public void close() {
        for (ExecutorService p : new ExecutorService[] {pool, partPool}) {
            if (p != null) {
                p.shutdownNow();
            }
        }
    }
}

package io.replicator.s3sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a run behaves. Defaults: {@link #defaults()}. Multipart cutoff 64 MiB with 16 MiB parts,
 * used only where the source has no ETag layout to mirror (local files, non-MD5 ETags): below
 * 64 MiB one streamed PUT is cheapest (one request, no part bookkeeping); above it parts move in
 * parallel and a failed part is retried alone. rclone's 200 MiB/5 MiB makes 40 sequential-ish
 * parts; 16 MiB parts keep the request count down while staying far below the 10,000 part limit
 * up to 156 GiB (larger objects double the part size).
 */
public record SyncOptions(SyncMode mode, DeleteLimits deleteLimits, int parallelism, long multipartCutoff,
                          long partSize, RetryPolicy retry, List<String> include, List<String> exclude,
                          BucketCreation destinationBucket, int listPageSize, KeyOrder keyOrder,
                          Duration progressInterval, int reportLineLimit, StateSettings state,
                          SourceVersions versions, DestinationProtection protection) {

    /** What to do when the destination bucket does not exist. */
    public enum BucketCreation { FAIL, CREATE }

    /**
     * An object whose equality neither the ETags nor the sync state can show: COPY copies it (check
     * mode counts it unverified); VERIFY reads both sides and compares the bytes (sync then records
     * the pair, or copies when they differ).
     */
    public enum Unproven { COPY, VERIFY }

    /** stateBucket: bucket on the destination remote holding the sync state; null = the destination bucket. */
    public record StateSettings(String stateBucket, Unproven unproven) {
        public static final StateSettings DEFAULT = new StateSettings(null, Unproven.COPY);

        public StateSettings {
            unproven = unproven == null ? Unproven.COPY : unproven;
            if (stateBucket != null && (stateBucket.isBlank() || stateBucket.contains("/"))) {
                throw new IllegalArgumentException("invalid state bucket name '" + stateBucket + "'");
            }
        }
    }

    public SyncOptions {
        Objects.requireNonNull(mode, "mode");
        deleteLimits = deleteLimits == null ? DeleteLimits.NONE : deleteLimits;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        destinationBucket = destinationBucket == null ? BucketCreation.FAIL : destinationBucket;
        keyOrder = keyOrder == null ? KeyOrder.UTF8_BINARY : keyOrder;
        progressInterval = progressInterval == null ? Duration.ofSeconds(15) : progressInterval;
        state = state == null ? StateSettings.DEFAULT : state;
        versions = versions == null ? SourceVersions.CURRENT : versions;
        protection = protection == null ? DestinationProtection.NONE : protection;
        check(parallelism >= 1 && parallelism <= 256, "parallelism must be within 1..256, got " + parallelism);
        check(partSize >= PartLayout.MIN_PART && partSize <= PartLayout.MAX_SINGLE_PUT,
                "part size must be within 5 MiB..5 GiB, got " + partSize);
        check(multipartCutoff >= 0 && multipartCutoff <= PartLayout.MAX_SINGLE_PUT,
                "multipart cutoff must be within 0..5 GiB, got " + multipartCutoff);
        check(listPageSize >= 1 && listPageSize <= 1000, "listing page size must be within 1..1000, got "
                + listPageSize);
        check(reportLineLimit >= 0, "report line limit must be >= 0, got " + reportLineLimit);
        new KeyFilter(include, exclude); // validates the globs now, not mid-run
    }

    /** Current versions only (today's behaviour). */
    public SyncOptions(SyncMode mode, DeleteLimits deleteLimits, int parallelism, long multipartCutoff,
                       long partSize, RetryPolicy retry, List<String> include, List<String> exclude,
                       BucketCreation destinationBucket, int listPageSize, KeyOrder keyOrder,
                       Duration progressInterval, int reportLineLimit, StateSettings state) {
        this(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude, destinationBucket,
                listPageSize, keyOrder, progressInterval, reportLineLimit, state, SourceVersions.CURRENT,
                DestinationProtection.NONE);
    }

    public static SyncOptions defaults() {
        return new SyncOptions(SyncMode.SYNC, DeleteLimits.NONE, 16, 64 * PartLayout.MIB, 16 * PartLayout.MIB,
                RetryPolicy.DEFAULT, List.of(), List.of(), BucketCreation.FAIL, 1000, KeyOrder.UTF8_BINARY,
                Duration.ofSeconds(15), 10_000, StateSettings.DEFAULT, SourceVersions.CURRENT, DestinationProtection.NONE);
    }

    public SyncOptions withMode(SyncMode m) {
        return new SyncOptions(m, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withDeleteLimits(DeleteLimits d) {
        return new SyncOptions(mode, d, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withParallelism(int p) {
        return new SyncOptions(mode, deleteLimits, p, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withMultipart(long cutoff, long part) {
        return new SyncOptions(mode, deleteLimits, parallelism, cutoff, part, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withRetry(RetryPolicy r) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, r, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withFilters(List<String> includeGlobs, List<String> excludeGlobs) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, includeGlobs,
                excludeGlobs, destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withDestinationBucket(BucketCreation b) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                b, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withListPageSize(int n) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, n, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withKeyOrder(KeyOrder o) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, o, progressInterval, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withProgressInterval(Duration d) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, d, reportLineLimit, state, versions, protection);
    }

    public SyncOptions withReportLineLimit(int n) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, n, state, versions, protection);
    }

    KeyFilter filter() {
        return new KeyFilter(include, exclude);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public SyncOptions withProtection(DestinationProtection p) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, p);
    }

    public SyncOptions withState(StateSettings s) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, s, versions, protection);
    }

    public SyncOptions withVersions(SourceVersions v) {
        return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, v, protection);
    }
}

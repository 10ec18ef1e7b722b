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
 * up to 156 GiB (larger objects double the part size). Built with {@link #builder()} (one setter per
 * field) or changed with a with-method.
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

    public static SyncOptions defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; one setter per field. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().mode(mode).deleteLimits(deleteLimits).parallelism(parallelism)
                .multipart(multipartCutoff, partSize).retry(retry).filters(include, exclude)
                .destinationBucket(destinationBucket).listPageSize(listPageSize).keyOrder(keyOrder)
                .progressInterval(progressInterval).reportLineLimit(reportLineLimit).state(state)
                .versions(versions).protection(protection);
    }

    public SyncOptions withMode(SyncMode m) {
        return toBuilder().mode(m).build();
    }

    public SyncOptions withDeleteLimits(DeleteLimits d) {
        return toBuilder().deleteLimits(d).build();
    }

    public SyncOptions withParallelism(int p) {
        return toBuilder().parallelism(p).build();
    }

    public SyncOptions withMultipart(long cutoff, long part) {
        return toBuilder().multipart(cutoff, part).build();
    }

    public SyncOptions withRetry(RetryPolicy r) {
        return toBuilder().retry(r).build();
    }

    public SyncOptions withFilters(List<String> includeGlobs, List<String> excludeGlobs) {
        return toBuilder().filters(includeGlobs, excludeGlobs).build();
    }

    public SyncOptions withDestinationBucket(BucketCreation b) {
        return toBuilder().destinationBucket(b).build();
    }

    public SyncOptions withListPageSize(int n) {
        return toBuilder().listPageSize(n).build();
    }

    public SyncOptions withKeyOrder(KeyOrder o) {
        return toBuilder().keyOrder(o).build();
    }

    public SyncOptions withProgressInterval(Duration d) {
        return toBuilder().progressInterval(d).build();
    }

    public SyncOptions withReportLineLimit(int n) {
        return toBuilder().reportLineLimit(n).build();
    }

    public SyncOptions withState(StateSettings s) {
        return toBuilder().state(s).build();
    }

    public SyncOptions withVersions(SourceVersions v) {
        return toBuilder().versions(v).build();
    }

    public SyncOptions withProtection(DestinationProtection p) {
        return toBuilder().protection(p).build();
    }

    /** Builds SyncOptions field by field, starting from the defaults; build() validates. */
    public static final class Builder {
        private SyncMode mode = SyncMode.SYNC;
        private DeleteLimits deleteLimits = DeleteLimits.NONE;
        private int parallelism = 16;
        private long multipartCutoff = 64 * PartLayout.MIB;
        private long partSize = 16 * PartLayout.MIB;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private List<String> include = List.of();
        private List<String> exclude = List.of();
        private BucketCreation destinationBucket = BucketCreation.FAIL;
        private int listPageSize = 1000;
        private KeyOrder keyOrder = KeyOrder.UTF8_BINARY;
        private Duration progressInterval = Duration.ofSeconds(15);
        private int reportLineLimit = 10_000;
        private StateSettings state = StateSettings.DEFAULT;
        private SourceVersions versions = SourceVersions.CURRENT;
        private DestinationProtection protection = DestinationProtection.NONE;

        private Builder() {
        }

        public Builder mode(SyncMode v) { mode = v; return this; }
        public Builder deleteLimits(DeleteLimits v) { deleteLimits = v; return this; }
        public Builder parallelism(int v) { parallelism = v; return this; }
        public Builder multipart(long cutoff, long part) { multipartCutoff = cutoff; partSize = part; return this; }
        public Builder retry(RetryPolicy v) { retry = v; return this; }
        public Builder filters(List<String> in, List<String> ex) { include = in; exclude = ex; return this; }
        public Builder destinationBucket(BucketCreation v) { destinationBucket = v; return this; }
        public Builder listPageSize(int v) { listPageSize = v; return this; }
        public Builder keyOrder(KeyOrder v) { keyOrder = v; return this; }
        public Builder progressInterval(Duration v) { progressInterval = v; return this; }
        public Builder reportLineLimit(int v) { reportLineLimit = v; return this; }
        public Builder state(StateSettings v) { state = v; return this; }
        public Builder versions(SourceVersions v) { versions = v; return this; }
        public Builder protection(DestinationProtection v) { protection = v; return this; }

        public SyncOptions build() {
            return new SyncOptions(mode, deleteLimits, parallelism, multipartCutoff, partSize, retry, include, exclude,
                    destinationBucket, listPageSize, keyOrder, progressInterval, reportLineLimit, state, versions, protection);
        }
    }

    KeyFilter filter() {
        return new KeyFilter(include, exclude);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

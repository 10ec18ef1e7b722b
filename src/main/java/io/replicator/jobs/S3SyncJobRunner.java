package io.replicator.jobs;

import io.replicator.config.BucketMapping;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.KeepSettings;
import io.replicator.config.JobKind;
import io.replicator.config.RemoteConfig;
import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.CustomerKey;
import io.replicator.s3sync.DeleteLimits;
import io.replicator.s3sync.KeepReplaced;
import io.replicator.s3sync.DestinationProtection;
import io.replicator.s3sync.LocalRemote;
import io.replicator.s3sync.Remote;
import io.replicator.s3sync.RequestType;
import io.replicator.s3sync.RetryPolicy;
import io.replicator.s3sync.S3Remote;
import io.replicator.s3sync.SourceVersions;
import io.replicator.s3sync.SyncListener;
import io.replicator.s3sync.SyncMode;
import io.replicator.s3sync.SyncOptions;
import io.replicator.s3sync.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a configured bucket-sync job with the s3sync engine into one JobReport: the buckets in parallel
 * (bucket-parallelism at once), each reported on its own lines, the counters summed.
 */
public final class S3SyncJobRunner implements BucketSyncRunner {

    @Override
    public JobReport run(BucketSyncJobConfig job, ProgressTicker ticker) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        SyncOptions options = options(job);
        List<String> lines = new ArrayList<>();
        Map<String, Long> counters = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        JobOutcome outcome = JobOutcome.SUCCEEDED;
        Map<BucketMapping, SyncListener.Progress> progress = new ConcurrentHashMap<>();
        try (AutoCloseable ticking = ticker.track(job.name(), () -> progressText(progress))) {
            List<ParallelBuckets.Outcome> outcomes = ParallelBuckets.run(job.name(), job.buckets(),
                    job.tuning().bucketParallelism(), m -> BucketSync.run(bucketJob(job, m), options,
                            new SyncListener() {
                                @Override
                                public void progress(Progress p) {
                                    progress.put(m, p);
                                }
                            }));
            for (ParallelBuckets.Outcome o : outcomes) {
                BucketMapping m = o.mapping();
                SyncReport r = o.report();
                if (r == null) {
                    errors.add(m + ": bucket run failed: " + o.crash());
                    outcome = JobOutcome.FAILED;
                    continue;
                }
                lines.add(m + ": " + r.summary());
                r.keptSummary().ifPresent(k -> lines.add("  " + k));
                r.plan().forEach(l -> lines.add("  " + l));
                if (r.planLinesOmitted() > 0) {
                    lines.add("  ... " + r.planLinesOmitted() + " more plan lines");
                }
                r.notes().forEach(n -> lines.add(n.startsWith("warning: ") ? "  " + n : "  note: " + n));
                r.errors().forEach(e -> errors.add(m + ": " + e));
                add(counters, r);
                outcome = worse(outcome, r.result());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("interrupted while the buckets ran");
            outcome = JobOutcome.FAILED;
        } catch (Exception e) {
            errors.add(String.valueOf(e.getMessage()));
            outcome = JobOutcome.FAILED;
        }
        errors.forEach(e -> lines.add("error: " + e));
        return JobReport.of(job.name(), JobKind.BUCKET_SYNC, job.modeName()).outcome(outcome).started(started)
                .duration(Duration.ofNanos(System.nanoTime() - t0)).lines(lines).counters(counters)
                .error(errors.isEmpty() ? null : errors.size() + " error(s), first: " + errors.get(0)).build();
    }

    /** The buckets' latest progress, summed. */
    private static String progressText(Map<BucketMapping, SyncListener.Progress> progress) {
        if (progress.isEmpty()) {
            return "listing";
        }
        long listed = 0, objects = 0, bytes = 0, deleted = 0, failed = 0;
        for (SyncListener.Progress p : progress.values()) {
            listed += p.keysListed();
            objects += p.objectsTransferred();
            bytes += p.bytesTransferred();
            deleted += p.deleted();
            failed += p.failed();
        }
        return String.format("%d keys listed, %d objects (%d bytes) transferred, %d deleted, %d failed",
                listed, objects, bytes, deleted, failed);
    }

    private static JobOutcome worse(JobOutcome current, SyncReport.Result r) {
        return switch (r) {
            case FAILED -> JobOutcome.FAILED;
            case DIFFERENT -> current == JobOutcome.FAILED ? current : JobOutcome.DIFFERENCES;
            case OK -> current;
        };
    }

    private static void add(Map<String, Long> c, SyncReport r) {
        tally(c, "copied", r.copied());
        tally(c, "updated", r.updated());
        tally(c, "deleted", r.deleted());
        tally(c, "skipped", r.skipped());
        tally(c, "failed", r.failed());
        tally(c, "kept_replaced", r.kept().replaced());
        tally(c, "kept_deleted", r.kept().deleted());
        c.merge("objects_equal_by_record", r.recordedEqual(), Long::sum);
        c.merge("objects_unproven", r.unproven(), Long::sum);
        c.merge("objects_unverified", r.unverified(), Long::sum);
        c.merge("retries", r.retries(), Long::sum);
        for (Map.Entry<RequestType, Long> e : r.requests().entrySet()) {
            c.merge("requests_" + e.getKey().name().toLowerCase(Locale.ROOT), e.getValue(), Long::sum);
        }
    }

    private static void tally(Map<String, Long> c, String what, SyncReport.Tally t) {
        c.merge("objects_" + what, t.objects(), Long::sum);
        c.merge("bytes_" + what, t.bytes(), Long::sum);
    }

    static BucketJob bucketJob(BucketSyncJobConfig job, BucketMapping m) {
        KeepSettings k = job.keep();
        return new BucketJob(job.name(), new BucketRef(remote(job.source()), m.sourceBucket(), m.sourcePrefix()),
                new BucketRef(remote(job.destination()), m.destinationBucket(), m.destinationPrefix()),
                k == null ? null : KeepReplaced.in(k.bucket(), k.prefix(), k.days()));
    }

    public static Remote remote(RemoteConfig r) {
        if (r.type() == RemoteConfig.Type.LOCAL) {
            return new LocalRemote(r.name(), r.path());
        }
        return new S3Remote(r.name(), r.endpoint(), r.region(), S3Remote.Addressing.fromPathStyle(r.pathStyle()),
                r.accessKey().reveal(), r.secretKey().reveal());
    }

    static SyncOptions options(BucketSyncJobConfig job) {
        var limit = job.maxDelete();
        DeleteLimits limits = new DeleteLimits(
                limit.maxCount().isPresent() ? limit.maxCount().getAsLong() : null,
                limit.maxPercent().isPresent() ? limit.maxPercent().getAsDouble() : null,
                job.allowEmptySource() ? DeleteLimits.EmptySource.ALLOW : DeleteLimits.EmptySource.REFUSE);
        var t = job.tuning();
        return SyncOptions.builder().mode(job.mode()).deleteLimits(limits).parallelism(t.transfers())
                .multipart(t.multipartCutoff(), t.partSize())
                .retry(new RetryPolicy(t.retries(), RetryPolicy.DEFAULT.baseDelay(), RetryPolicy.DEFAULT.maxDelay()))
                .filters(job.include(), job.exclude())
                .destinationBucket(job.createDestinationBucket() ? SyncOptions.BucketCreation.CREATE : SyncOptions.BucketCreation.FAIL)
                .listPageSize(t.listPageSize())
                .state(new SyncOptions.StateSettings(job.state().bucket(),
                        job.state().verifyUnproven() ? SyncOptions.Unproven.VERIFY : SyncOptions.Unproven.COPY))
                .protection(protection(job.protection()))
                .versions(switch (job.versions().kind()) {
                    case CURRENT -> SourceVersions.CURRENT;
                    case ALL -> SourceVersions.ALL;
                    case POINT_IN_TIME -> SourceVersions.at(job.versions().pointInTime());
                })
                .build();
    }

    static DestinationProtection protection(BucketSyncJobConfig.Protection p) {
        DestinationProtection.Encryption encryption = switch (p.encryption()) {
            case NONE -> DestinationProtection.Encryption.NONE;
            case SSE_KMS -> DestinationProtection.Encryption.kms(p.kmsKeyId());
            case SSE_C -> DestinationProtection.Encryption.customerKey(CustomerKey.fromBase64(p.customerKey().reveal()));
        };
        return new DestinationProtection(DestinationProtection.StorageClass.parse(p.storageClass()), encryption);
    }
}

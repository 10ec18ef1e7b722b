package io.replicator.jobs;

import io.replicator.config.BucketMapping;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.JobKind;
import io.replicator.config.RemoteConfig;
import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.DeleteLimits;
import io.replicator.s3sync.LocalRemote;
import io.replicator.s3sync.Remote;
import io.replicator.s3sync.RequestType;
import io.replicator.s3sync.RetryPolicy;
import io.replicator.s3sync.S3Remote;
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
import java.util.concurrent.atomic.AtomicReference;

/** Runs a configured bucket-sync job with the s3sync engine, bucket by bucket, into one JobReport. */
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
        AtomicReference<String> progress = new AtomicReference<>("listing");
        SyncListener listener = new SyncListener() {
            @Override
            public void progress(Progress p) {
                progress.set(String.format("%d keys listed, %d objects (%d bytes) transferred, %d deleted, %d failed",
                        p.keysListed(), p.objectsTransferred(), p.bytesTransferred(), p.deleted(), p.failed()));
            }
        };
        try (AutoCloseable ticking = ticker.track(job.name(), progress::get)) {
            for (BucketMapping m : job.buckets()) {
                SyncReport r = BucketSync.run(bucketJob(job, m), options, listener);
                lines.add(m + ": " + r.summary());
                r.plan().forEach(l -> lines.add("  " + l));
                if (r.planLinesOmitted() > 0) {
                    lines.add("  ... " + r.planLinesOmitted() + " more plan lines");
                }
                r.notes().forEach(n -> lines.add("  note: " + n));
                r.errors().forEach(e -> errors.add(m + ": " + e));
                add(counters, r);
                outcome = worse(outcome, r.result());
            }
        } catch (Exception e) {
            errors.add(String.valueOf(e.getMessage()));
            outcome = JobOutcome.FAILED;
        }
        errors.forEach(e -> lines.add("error: " + e));
        return new JobReport(job.name(), JobKind.BUCKET_SYNC, job.modeName(), outcome, started, Duration.ofNanos(System.nanoTime() - t0),
                lines, counters, errors.isEmpty() ? null : errors.size() + " error(s), first: " + errors.get(0));
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
        return new BucketJob(job.name(), new BucketRef(remote(job.source()), m.sourceBucket(), m.sourcePrefix()),
                new BucketRef(remote(job.destination()), m.destinationBucket(), m.destinationPrefix()));
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
        SyncOptions d = SyncOptions.defaults();
        return new SyncOptions(job.mode(), limits, t.transfers(), t.multipartCutoff(), t.partSize(),
                new RetryPolicy(t.retries(), d.retry().baseDelay(), d.retry().maxDelay()), job.include(), job.exclude(),
                job.createDestinationBucket() ? SyncOptions.BucketCreation.CREATE : SyncOptions.BucketCreation.FAIL,
                t.listPageSize(), d.keyOrder(), d.progressInterval(), d.reportLineLimit(),
                new SyncOptions.StateSettings(job.state().bucket(),
                        job.state().verifyUnproven() ? SyncOptions.Unproven.VERIFY : SyncOptions.Unproven.COPY));
    }
}

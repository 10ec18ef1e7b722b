package io.replicator.kube;

import io.replicator.config.JobKind;
import io.replicator.jobs.JobListener;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each sync's start and end to the status of the job's resource. Dry runs, checks and
 * skipped triggers change nothing on the destination, so they leave status alone. A status write
 * that fails is logged: the sync's own result stands.
 */
public final class JobStatusListener implements JobListener {
    private static final Logger LOG = LoggerFactory.getLogger(JobStatusListener.class);
    private static final ThreadLocal<String> MANUAL = new ThreadLocal<>();
    private final StatusWriter writer;
    private final String namespace;
    private final Function<JobResource, Instant> nextSync;

    /** @param nextSync the next scheduled run of a resource's job, or null (paused, manual only) */
    public JobStatusListener(StatusWriter writer, String namespace, Function<JobResource, Instant> nextSync) {
        this.writer = writer;
        this.namespace = namespace;
        this.nextSync = nextSync;
    }

    /** Runs a sync on this thread as the one caused by spec.trigger.manual = value. */
    public static <T> T asManualTrigger(String value, java.util.function.Supplier<T> run) {
        MANUAL.set(value);
        try {
            return run.get();
        } finally {
            MANUAL.remove();
        }
    }

    public JobResource resourceOf(JobKind kind, String job) {
        return JobResource.ofJob(kind, namespace, job);
    }

    @Override
    public void started(JobKind kind, String job, String mode, Instant at) {
        if (mode.equals("sync")) {
            write(kind, job, r -> writer.started(r, at));
        }
    }

    @Override
    public void finished(JobReport report) {
        if (!report.mode().equals("sync") || report.outcome() == JobOutcome.SKIPPED_ALREADY_RUNNING) {
            return;
        }
        write(report.kind(), report.job(), r -> writer.finished(r, new SyncResult(
                report.outcome().ok() ? SyncResult.Outcome.SUCCEEDED : SyncResult.Outcome.FAILED,
                report.started(), report.duration(), nextSync.apply(r), MANUAL.get(), report.counters(),
                report.lines(), report.error())));
    }

    private void write(JobKind kind, String job, java.util.function.Consumer<JobResource> write) {
        JobResource r = resourceOf(kind, job);
        try {
            write.accept(r);
        } catch (RuntimeException e) {
            LOG.warn("cannot write the status of {}: {}", r, e.getMessage());
        }
    }
}

package io.replicator.jobs;

import io.replicator.config.JobKind;
import java.time.Instant;

/** Told when a run starts and how it ended; the Kubernetes layer writes resource status from it. */
public interface JobListener {
    JobListener NONE = new JobListener() { };

    /** A run has the job's lock and begins (not called for a skipped trigger). */
    default void started(JobKind kind, String job, String mode, Instant at) {
    }

    /** The run's report, after it was logged and counted. */
    default void finished(JobReport report) {
    }
}

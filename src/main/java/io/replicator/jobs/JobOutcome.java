package io.replicator.jobs;

/** How a job run ended. */
public enum JobOutcome {
    SUCCEEDED, FAILED, DIFFERENCES, SKIPPED_ALREADY_RUNNING;

    public boolean ok() {
        return this == SUCCEEDED;
    }
}

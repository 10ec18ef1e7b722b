package io.replicator.processors;

/** Exchange headers the routes and processors share. */
public final class JobHeaders {
    /** The configured job to run. */
    public static final String JOB = "ReplicatorJob";
    /** sync | dry-run | check; absent = the job's configured mode. */
    public static final String MODE = "ReplicatorMode";

    private JobHeaders() {
    }
}

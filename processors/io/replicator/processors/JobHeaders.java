package io.replicator.processors;

/** Exchange headers the routes and processors share. */
public final class JobHeaders {
    /** The configured job to run. */
    public static final String JOB = "ReplicatorJob";
    /** sync | dry-run | check; absent = the job's configured mode. */
    public static final String MODE = "ReplicatorMode";
    /** true: this run may delete when the source lists nothing (bucket-sync); absent = the job's setting. */
    public static final String ALLOW_EMPTY_SOURCE = "ReplicatorAllowEmptySource";

    private JobHeaders() {
    }
}

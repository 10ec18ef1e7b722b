package io.replicator.cli;

/** Process exit codes, documented in README.md ("Run modes and exit codes"). */
public final class ExitCodes {
    /**
     * The service stopped normally (SIGTERM or SIGINT: {@link StopSignals}), or the --once job
     * succeeded. A --once run stopped by SIGTERM exits 143, the JVM's code: it did not complete.
     */
    public static final int OK = 0;
    /** The --once job failed (errors, a refused delete guard, unreachable endpoint...) or startup failed. */
    public static final int JOB_FAILED = 1;
    /** Bad command line or configuration; nothing was run. */
    public static final int USAGE = 2;
    /** --once JOB --check: the two sides differ. */
    public static final int DIFFERENCES = 3;

    private ExitCodes() {
    }
}

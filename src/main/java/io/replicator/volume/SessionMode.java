package io.replicator.volume;

/**
 * What a session may do. SYNC writes; DRY_RUN and CHECK only compare: the destination answers the
 * file list with the plan (PLAN ... PLAN_END) and never takes the path that writes, whatever the
 * source sends afterwards. They differ in what the caller makes of the plan: a dry run prints it,
 * a check fails (exit 3) when it is not empty.
 */
public enum SessionMode {
    SYNC, DRY_RUN, CHECK;

    public boolean writes() {
        return this == SYNC;
    }

    /** Lower-case with a dash, as in the job report's mode ("dry-run"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

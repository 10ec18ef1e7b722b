package io.replicator.kube;

/**
 * What {@link SpecWatcher} reports about users' edits of job resources. Called from the watcher's
 * threads (one per kind, so possibly concurrently): return quickly and do the work elsewhere.
 */
public interface SpecListener {
    /** {@code spec.trigger.manual} holds a value not yet synced ({@code != status.lastManualSync}): run once. */
    void manualTrigger(JobResource r, String value);

    /** {@code spec.paused} changed (or is true when the watcher starts). */
    void pausedChanged(JobResource r, boolean paused);
}

package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The sync state's part in one run. Start: one LIST of the state folder (and one GET of the state
 * when it exists); uploads a killed run of this job left behind are offered to the copier for
 * resuming (SYNC; see {@link ResumableUploads}; entries without a resume record are aborted), planned
 * (DRY_RUN) or noted (CHECK). End (SYNC only, also after errors): the state is written with what the run
 * confirmed or established. DRY_RUN and CHECK read the state and write nothing. A local destination
 * has no state (its sidecars keep the source ETags).
 */
final class StatePhase {
    private final StateStore store;
    private final SyncMode mode;
    private final StateStore.Loaded loaded;
    private final StateRecorder recorder;
    private ResumableUploads resumable = ResumableUploads.NONE;

    private StatePhase(StateStore store, SyncMode mode, StateStore.Loaded loaded) {
        this.store = store;
        this.mode = mode;
        this.loaded = loaded;
        this.recorder = new StateRecorder(loaded.state());
    }

    /** Reads the state; call after the destination listing opened (which may have created the bucket). */
    static StatePhase open(Sides sides, BucketJob job, SyncOptions options, RunTotals totals, ErrorText errors) {
        if (!(sides.destination instanceof S3Store dst)) {
            return new StatePhase(null, options.mode(), new StateStore.Loaded(SyncState.EMPTY, false, List.of()));
        }
        String stateBucket = options.state().stateBucket();
        StateStore store = new StateStore(dst.client, stateBucket, job.destination());
        StateStore.Loaded loaded;
        try {
            loaded = store.load();
        } catch (IllegalArgumentException e) {
            totals.note("the sync state " + store.describe() + " is unreadable (" + e.getMessage()
                    + "); starting without it: objects whose ETags do not compare are copied or verified again");
            loaded = new StateStore.Loaded(SyncState.EMPTY, true, List.of());
        } catch (RuntimeException e) {
            if (stateBucket == null && ErrorText.isNoSuchBucket(e)) { // a dry run before the bucket is created
                loaded = new StateStore.Loaded(SyncState.EMPTY, false, List.of());
            } else {
                throw new SyncFailure("cannot read the sync state " + store.describe() + " on remote '"
                        + job.destination().remote().name() + "': " + errors.describe(e) + "; nothing was done", e);
            }
        }
        StatePhase phase = new StatePhase(store, options.mode(), loaded);
        phase.orphans(totals, errors);
        return phase;
    }

    private void orphans(RunTotals totals, ErrorText errors) {
        List<StateStore.Orphan> resumableOrphans = new ArrayList<>();
        for (StateStore.Orphan o : loaded.orphans()) {
            String what = ResumableUploads.describe(o);
            String next = o.record() != null ? "resumes it if the source is unchanged, else aborts it" : "aborts it";
            switch (mode) {
                case DRY_RUN -> totals.planLine((o.record() != null ? "resume or abort " : "abort ") + what);
                case CHECK -> totals.note(what + " (the next sync " + next + ")");
                case SYNC -> {
                    if (o.record() != null) {
                        resumableOrphans.add(o);
                        continue;
                    }
                    try {
                        store.abort(o);
                        totals.note("aborted " + what);
                    } catch (RuntimeException e) {
                        totals.error("cannot abort " + what + ": " + errors.describe(e));
                    }
                }
            }
        }
        if (!resumableOrphans.isEmpty()) {
            resumable = new ResumableUploads(store, resumableOrphans, totals);
        }
    }

    /** Uploads an interrupted run left, for the copier to resume (SYNC only). */
    ResumableUploads resumable() {
        return resumable;
    }

    /** After a run that listed both sides completely without errors: aborts the left uploads no copy resumed. */
    void abortUnclaimedUploads(boolean listingsComplete, RunTotals totals, ErrorText errors) {
        if (listingsComplete && !totals.hasErrors()) {
            resumable.abortUnclaimed(errors);
        }
    }

    SyncState state() {
        return loaded.state();
    }

    StateRecorder recorder() {
        return recorder;
    }

    /** The journal multipart uploads go into: only a real sync into S3 keeps one. */
    UploadJournal journal() {
        return store != null && mode == SyncMode.SYNC ? store : UploadJournal.NONE;
    }

    /** SYNC only: writes the next state; a failure is an error of the run (the state stays as it was). */
    void save(boolean listingsComplete, KeyFilter filter, RunTotals totals, ErrorText errors) {
        if (store == null || mode != SyncMode.SYNC) {
            return;
        }
        SyncState next = recorder.result(listingsComplete, filter);
        if (loaded.exists() == !next.isEmpty() && next.entries().equals(loaded.state().entries())) {
            return; // unchanged (the no-change run): no PUT; an unreadable state (read as empty) is replaced
        }
        try {
            store.save(next, loaded.exists());
        } catch (RuntimeException e) {
            totals.error("cannot write the sync state " + store.describe() + ": " + errors.describe(e)
                    + " (the next run copies or verifies the objects it would have proven equal)");
        }
    }
}

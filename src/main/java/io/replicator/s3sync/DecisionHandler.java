package io.replicator.s3sync;

/**
 * Acts on the planner's decisions in one run's mode: SYNC transfers (and records in the sync state
 * what it copied or verified), DRY_RUN and CHECK tally and print plan lines. An UNPROVEN object is
 * never skipped: a sync copies it, or with {@link SyncOptions.Unproven#VERIFY} reads both sides and
 * copies only when they differ; a check reads both sides with VERIFY, else counts it unverified.
 */
final class DecisionHandler {
    private final SyncOptions options;
    private final RunTotals totals;
    private final DeleteQueue deletes;
    private final Transfers transfers;
    private final ObjectCopier copier;
    private final Sides sides;
    private final StateRecorder recorder;
    private final ErrorText errors;
    private final Keeper keeper;

    /** keeper: keeps the destination objects a sync overwrites or deletes; null = the job keeps nothing. */
    DecisionHandler(SyncOptions options, RunTotals totals, DeleteQueue deletes, Transfers transfers,
                    ObjectCopier copier, Sides sides, StateRecorder recorder, ErrorText errors, Keeper keeper) {
        this.options = options;
        this.totals = totals;
        this.deletes = deletes;
        this.transfers = transfers;
        this.copier = copier;
        this.sides = sides;
        this.recorder = recorder;
        this.errors = errors;
        this.keeper = keeper;
    }

    /** Acts on one decision; differences (for CHECK's result) go to {@link RunTotals#difference}. */
    void handle(Decision d) throws InterruptedException {
        SyncMode mode = options.mode();
        switch (d.action()) {
            case SKIP -> totals.add(RunTotals.Kind.SKIPPED, d.source().size());
            case SKIP_RECORDED -> {
                totals.add(RunTotals.Kind.SKIPPED, d.source().size());
                totals.recordedEqual();
                recorder.confirmed(d.key());
            }
            case DELETE -> {
                deletes.add(d.key(), d.bytes());
                if (mode != SyncMode.SYNC) {
                    totals.add(RunTotals.Kind.DELETED, d.bytes());
                    String key = KeyText.escape(d.key());
                    totals.planLine(mode == SyncMode.CHECK ? "extra on destination: " + key + " (size " + d.bytes() + ")"
                            : "delete " + key + " (size " + d.bytes() + ")");
                    if (mode == SyncMode.DRY_RUN && keeper != null) {
                        totals.add(RunTotals.Kind.KEPT_DELETED, d.bytes());
                        totals.planLine(keeper.planLine(d.key(), "before the delete"));
                    }
                }
                totals.difference();
            }
            case COPY, UPDATE -> transfer(d);
            case UNPROVEN -> {
                totals.unproven();
                unproven(d);
            }
            default -> throw new IllegalStateException("unhandled decision " + d.action());
        }
    }

    private void unproven(Decision d) throws InterruptedException {
        boolean verify = options.state().unproven() == SyncOptions.Unproven.VERIFY;
        if (options.mode() == SyncMode.DRY_RUN && verify) { // a real run reads both sides, copies if they differ
            totals.planLine("verify " + KeyText.escape(d.key()) + " (" + d.reason() + ")");
            return;
        }
        if (options.mode() == SyncMode.DRY_RUN || !verify && options.mode() == SyncMode.SYNC) {
            transfer(d);
            return;
        }
        if (!verify) { // CHECK without reading: never reported equal
            totals.unverified();
            totals.planLine("unverified: " + KeyText.escape(d.key()) + " (" + d.reason() + ")");
            totals.difference();
            return;
        }
        submitUnlessStopping(() -> verifyThenAct(d));
    }

    /** Reads both sides: equal -> recorded and skipped; different -> CHECK reports it, SYNC copies it. */
    private void verifyThenAct(Decision d) {
        boolean same;
        try {
            same = ContentVerifier.sameContent(sides.source, d.source(), sides.destination, d.destination());
        } catch (Exception e) {
            totals.failed(d.key(), d.bytes(), "verifying by reading both sides failed: " + errors.describe(e));
            return;
        }
        if (same) {
            totals.add(RunTotals.Kind.SKIPPED, d.bytes());
            recorder.established(d.key(), d.source().etag(), d.destination().etag());
        } else if (options.mode() == SyncMode.CHECK) {
            totals.add(RunTotals.Kind.UPDATED, d.bytes());
            totals.planLine("differs: " + KeyText.escape(d.key()) + " (content differs, read both sides)");
            totals.difference();
        } else {
            copyReporting(d, RunTotals.Kind.UPDATED);
        }
    }

    private void transfer(Decision d) throws InterruptedException {
        RunTotals.Kind kind = d.action() == Decision.Action.COPY ? RunTotals.Kind.COPIED : RunTotals.Kind.UPDATED;
        totals.difference();
        if (options.mode() != SyncMode.SYNC) {
            totals.add(kind, d.bytes());
            totals.planLine(planLine(d, options.mode()));
            if (options.mode() == SyncMode.DRY_RUN && keeper != null && d.destination() != null) {
                totals.add(RunTotals.Kind.KEPT_REPLACED, d.destination().size());
                totals.planLine(keeper.planLine(d.key(), "before the overwrite"));
            }
            return;
        }
        submitUnlessStopping(() -> copyReporting(d, kind));
    }

    /** A queued task does nothing once an endpoint is dead: the run is stopping. */
    private void submitUnlessStopping(Runnable task) throws InterruptedException {
        transfers.submit(() -> {
            if (sides.deadEndpoint() == null) {
                task.run();
            }
        });
    }

    /** Copies; records both ETags when they cannot show equality by themselves; a failure fails the object. */
    private void copyReporting(Decision d, RunTotals.Kind kind) {
        if (!keptBeforeOverwrite(d)) {
            return;
        }
        try {
            String got = copier.copy(d.source());
            String want = d.source().etag();
            if (got != null && !got.isEmpty() && want != null && !(Etags.comparable(want, got) && want.equals(got))) {
                recorder.established(d.key(), want, got);
            }
            totals.add(kind, d.bytes());
        } catch (Exception e) {
            totals.failed(d.key(), d.bytes(), errors.describe(e));
        }
    }

    /** The destination object this copy replaces, kept first; false (and the object failed) if it could not be. */
    private boolean keptBeforeOverwrite(Decision d) {
        if (keeper == null || d.destination() == null) {
            return true;
        }
        ObjectEntry old = d.destination();
        try {
            keeper.keep(d.key(), old.size(), old.etag());
        } catch (Exception e) {
            totals.failed(d.key(), d.bytes(), "not overwritten: keeping the destination object in "
                    + keeper.describe() + " failed: " + errors.describe(e));
            return false;
        }
        totals.add(RunTotals.Kind.KEPT_REPLACED, old.size());
        return true;
    }

    private static String planLine(Decision d, SyncMode mode) {
        boolean copy = d.action() == Decision.Action.COPY;
        String key = KeyText.escape(d.key());
        if (mode == SyncMode.CHECK) {
            return copy ? "missing on destination: " + key + " (size " + d.bytes() + ")"
                    : "differs: " + key + " (" + d.reason() + ")";
        }
        return copy ? "copy " + key + " (size " + d.bytes() + ")" : "update " + key + " (" + d.reason() + ")";
    }

    /** The plan's closing line (DRY_RUN and CHECK). */
    void planTotals() {
        SyncMode mode = options.mode();
        if (mode == SyncMode.SYNC) {
            return;
        }
        String t = mode == SyncMode.CHECK ? "total: missing on destination %d, differing %d, extra on destination %d"
                : "total: copy %d, update %d, delete %d";
        totals.planLine(String.format(t, totals.count(RunTotals.Kind.COPIED), totals.count(RunTotals.Kind.UPDATED),
                deletes.count()) + String.format(", unchanged %d (by record %d), %s%d bytes to transfer",
                totals.count(RunTotals.Kind.SKIPPED), totals.recordedCount(),
                mode == SyncMode.CHECK ? "unverified " + totals.unverifiedCount() + ", " : "",
                totals.bytes(RunTotals.Kind.COPIED) + totals.bytes(RunTotals.Kind.UPDATED)));
    }
}

package io.replicator.s3sync;

import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one bucket job: list both sides in lockstep, decide per key, transfer in parallel, then the
 * guarded delete phase and (SYNC) the sync state; returns the report. Never throws for run-time
 * problems: they end up in the report as a FAILED result with messages (no secrets in them). Entry
 * point for the Camel processor.
 */
public final class BucketSync {
    private BucketSync() {
    }

    public static SyncReport run(BucketJob job, SyncOptions options) {
        return run(job, options, SyncListener.NONE);
    }

    public static SyncReport run(BucketJob job, SyncOptions options, SyncListener listener) {
        if (options.versions().mode() == SourceVersions.Mode.ALL) {
            return VersionReplicator.run(job, options, listener);
        }
        RunTotals totals = new RunTotals(options, listener);
        RequestCounter counter = new RequestCounter();
        ErrorText errors = new ErrorText(job);
        long[] listed = new long[2];
        String[] keepPlace = new String[1];
        try (Sides sides = new Sides(job, options, counter, errors);
             DeleteQueue deletes = options.mode() == SyncMode.SYNC ? DeleteQueue.storing() : DeleteQueue.countingOnly();
             Keeper keeper = options.mode() == SyncMode.CHECK ? null
                     : Keeper.open(job, sides.destination, options.parallelism())) {
            keepPlace[0] = keeper == null ? null : keeper.describe();
            ReservedPrefix.checkJob(job);
            Keeper.checkJob(job);
            HistoryWarning.check(sides, options, totals);
            LongAdder reservedInSource = new LongAdder();
            Iterator<ObjectEntry> src = ReservedPrefix.excluding(sides.listSource(), job.source(),
                    reservedInSource::increment);
            Iterator<ObjectEntry> dst = ReservedPrefix.excluding(sides.listDestination(totals), job.destination(),
                    () -> { });
            StatePhase state = StatePhase.open(sides, job, options, totals, errors);
            boolean listingsComplete = false;
            try {
                ListingMerger merger = new ListingMerger(src, dst, options.keyOrder(), options.filter(),
                        "source " + job.source().describe(), "destination " + job.destination().describe());
                SyncPlanner planner = new SyncPlanner(sides.etagResolver(sides.source),
                        sides.etagResolver(sides.destination), state.state());
                try (Transfers transfers = new Transfers(options.parallelism(), job.name())) {
                    ObjectCopier copier = new ObjectCopier(sides.source, sides.destination, options,
                            transfers.partPool(), totals, state.journal(), state.resumable());
                    DecisionHandler handler = new DecisionHandler(options, totals, deletes, transfers, copier, sides,
                            state.recorder(), errors, keeper);
                    try {
                        while (merger.hasNext()) {
                            stopIfEndpointDead(sides);
                            totals.listedKey();
                            handler.handle(planner.decide(merger.next()));
                        }
                        listingsComplete = true;
                    } finally {
                        transfers.awaitAll(); // nothing may still be writing when the run reports or deletes
                        listed[0] = merger.sourceCount();
                        listed[1] = merger.destinationCount();
                    }
                    handler.planTotals();
                }
                stopIfEndpointDead(sides);
                notes(options, totals, reservedInSource.sum());
                DeletePhase.run(options.mode(), new DeletePhase.CompletedListings(listed[0], listed[1]), deletes,
                        new DeleteGuard(options.deleteLimits(), job.name()), totals,
                        keeper == null ? null : batch -> keeper.keepAll(batch, errors), keys -> {
                            ReservedPrefix.checkDeletes(job.destination(), keys);
                            return sides.delete(keys);
                        });
                if (keeper != null && !totals.hasErrors()) {
                    keeper.prune(options.mode(), totals, errors);
                }
            } finally {
                if (sides.deadEndpoint() == null) { // else the run stops at once; the next run verifies again
                    state.abortUnclaimedUploads(listingsComplete, totals, errors);
                    state.save(listingsComplete, options.filter(), totals, errors);
                }
            }
        } catch (SyncFailure f) {
            totals.error(errors.scrub(f.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            totals.error("bucket job " + job.name() + " was interrupted; nothing was deleted");
        } catch (Exception e) {
            totals.error("bucket job " + job.name() + " failed: " + errors.describe(e));
        }
        return totals.report(job.name(), totals.result(), listed[0], listed[1], counter, keepPlace[0]);
    }

    private static void stopIfEndpointDead(Sides sides) {
        String dead = sides.deadEndpoint();
        if (dead != null) {
            throw new SyncFailure(dead);
        }
    }

    /** The one-time cost over a destination another tool filled, and reserved keys left out. */
    private static void notes(SyncOptions options, RunTotals totals, long reservedInSource) {
        if (options.versions().mode() == SourceVersions.Mode.POINT_IN_TIME) {
            totals.note("point in time: the source as it was at " + options.versions().pointInTime()
                    + " (per key the newest version last modified then or before)");
        }
        if (reservedInSource > 0) {
            totals.note(reservedInSource + " source keys under the reserved prefix " + ReservedPrefix.PREFIX
                    + " were not synced (they hold a replicator's own state)");
        }
        long unproven = totals.unprovenCount();
        if (unproven > 0 && options.mode() != SyncMode.CHECK) {
            boolean verify = options.state().unproven() == SyncOptions.Unproven.VERIFY;
            totals.note(unproven + " objects could not be shown equal by their ETags (another multipart layout, "
                    + "SSE-KMS...) nor by the sync state: " + (verify ? "verified by reading both sides"
                    : "copied") + (options.mode() == SyncMode.DRY_RUN ? " in a real run" : "")
                    + "; the sync state records them, so later runs skip them while both ETags stay the same");
        }
    }
}

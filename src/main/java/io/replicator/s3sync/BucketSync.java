package io.replicator.s3sync;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Runs one bucket job: list both sides in lockstep, decide per key, transfer in parallel, then the
 * guarded delete phase; returns the report. Never throws for run-time problems: they end up in the
 * report as a FAILED result with messages (no secrets in them). Entry point for the Camel processor.
 */
public final class BucketSync {
    private BucketSync() {
    }

    public static SyncReport run(BucketJob job, SyncOptions options) {
        return run(job, options, SyncListener.NONE);
    }

    public static SyncReport run(BucketJob job, SyncOptions options, SyncListener listener) {
        RunTotals totals = new RunTotals(options, listener);
        RequestCounter counter = new RequestCounter();
        ErrorText errors = new ErrorText(job);
        long[] listed = new long[2];
        long[] differences = new long[1];
        try (Sides sides = new Sides(job, options, counter, errors);
             DeleteQueue deletes = options.mode() == SyncMode.SYNC ? DeleteQueue.storing() : DeleteQueue.countingOnly()) {
            Iterator<ObjectEntry> src = sides.listSource();
            Iterator<ObjectEntry> dst = sides.listDestination(totals);
            ListingMerger merger = new ListingMerger(src, dst, options.keyOrder(), options.filter(),
                    "source " + job.source().describe(), "destination " + job.destination().describe());
            SyncPlanner planner = new SyncPlanner(sides.etagResolver(sides.source), sides.etagResolver(sides.destination));
            try (Transfers transfers = new Transfers(options.parallelism(), job.name())) {
                ObjectCopier copier = new ObjectCopier(sides.source, sides.destination, options,
                        transfers.partPool(), totals);
                try {
                    while (merger.hasNext()) {
                        stopIfEndpointDead(sides);
                        totals.listedKey();
                        Decision d = planner.decide(merger.next());
                        differences[0] += handle(d, options.mode(), totals, deletes, transfers, copier, errors,
                                sides::deadEndpoint);
                    }
                } finally {
                    transfers.awaitAll(); // nothing may still be writing when the run reports or deletes
                    listed[0] = merger.sourceCount();
                    listed[1] = merger.destinationCount();
                }
            }
            stopIfEndpointDead(sides);
            planTotals(options.mode(), totals, deletes);
            DeletePhase.run(options.mode(), new DeletePhase.CompletedListings(listed[0], listed[1]), deletes,
                    new DeleteGuard(options.deleteLimits(), job.name()), totals, sides::delete);
        } catch (SyncFailure f) {
            totals.error(errors.scrub(f.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            totals.error("bucket job " + job.name() + " was interrupted; nothing was deleted");
        } catch (Exception e) {
            totals.error("bucket job " + job.name() + " failed: " + errors.describe(e));
        }
        SyncReport.Result result = totals.hasErrors() ? SyncReport.Result.FAILED
                : options.mode() == SyncMode.CHECK && differences[0] > 0 ? SyncReport.Result.DIFFERENT
                : SyncReport.Result.OK;
        return totals.report(job.name(), result, listed[0], listed[1], counter);
    }

    private static void stopIfEndpointDead(Sides sides) {
        String dead = sides.deadEndpoint();
        if (dead != null) {
            throw new SyncFailure(dead);
        }
    }

    /**
     * Acts on one decision; returns 1 when it is a difference (for CHECK). A transfer that starts
     * after an endpoint was found dead is not attempted: the run is stopping.
     */
    private static int handle(Decision d, SyncMode mode, RunTotals totals, DeleteQueue deletes, Transfers transfers,
                              ObjectCopier copier, ErrorText errors, Supplier<String> deadEndpoint)
            throws InterruptedException {
        switch (d.action()) {
            case SKIP -> totals.add(RunTotals.Kind.SKIPPED, d.source().size());
            case SKIP_SIZE_ONLY -> {
                totals.add(RunTotals.Kind.SKIPPED, d.source().size());
                totals.sizeOnly(d.key());
            }
            case DELETE -> {
                deletes.add(d.key(), d.bytes());
                if (mode != SyncMode.SYNC) {
                    totals.add(RunTotals.Kind.DELETED, d.bytes());
                    String key = KeyText.escape(d.key());
                    totals.planLine(mode == SyncMode.CHECK ? "extra on destination: " + key + " (size " + d.bytes() + ")"
                            : "delete " + key + " (size " + d.bytes() + ")");
                }
                return 1;
            }
            case COPY, UPDATE -> {
                RunTotals.Kind kind = d.action() == Decision.Action.COPY ? RunTotals.Kind.COPIED : RunTotals.Kind.UPDATED;
                if (mode != SyncMode.SYNC) {
                    totals.add(kind, d.bytes());
                    totals.planLine(planLine(d, mode));
                    return 1;
                }
                transfers.submit(() -> {
                    if (deadEndpoint.get() != null) {
                        return;
                    }
                    try {
                        copier.copy(d.source());
                        totals.add(kind, d.bytes());
                    } catch (Exception e) {
                        totals.failed(d.key(), d.bytes(), errors.describe(e));
                    }
                });
                return 1;
            }
            default -> throw new IllegalStateException("unhandled decision " + d.action());
        }
        return 0;
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

    private static void planTotals(SyncMode mode, RunTotals totals, DeleteQueue deletes) {
        if (mode == SyncMode.SYNC) {
            return;
        }
        String t = mode == SyncMode.CHECK ? "total: missing on destination %d, differing %d, extra on destination %d"
                : "total: copy %d, update %d, delete %d";
        totals.planLine(String.format(t, totals.count(RunTotals.Kind.COPIED), totals.count(RunTotals.Kind.UPDATED),
                deletes.count()) + String.format(", unchanged %d (size-only %d), %d bytes to transfer",
                totals.count(RunTotals.Kind.SKIPPED), totals.sizeOnlyCount(),
                totals.bytes(RunTotals.Kind.COPIED) + totals.bytes(RunTotals.Kind.UPDATED)));
    }
}

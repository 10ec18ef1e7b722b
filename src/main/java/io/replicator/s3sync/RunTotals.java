package io.replicator.s3sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe tallies of one run, bounded lists of lines, throttled progress; builds the report. */
final class RunTotals {
    private static final int MAX_ERRORS = 100;
    private static final int MAX_NOTES = 100;

    private final SyncOptions options;
    private final SyncListener listener;
    private final long startNanos = System.nanoTime();
    private final AtomicLong[] tallies = new AtomicLong[Kind.values().length * 2]; // per kind: n, bytes
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong unproven = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final AtomicLong differences = new AtomicLong();
    private final AtomicLong listed = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private final List<String> plan = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long errorCount;
    private long planOmitted;
    private long lastProgressNanos = System.nanoTime();

    /** KEPT_*: destination objects copied to the keep place before an overwrite or a delete. */
    enum Kind { COPIED, UPDATED, DELETED, SKIPPED, FAILED, KEPT_REPLACED, KEPT_DELETED }

    RunTotals(SyncOptions options, SyncListener listener) {
        this.options = options;
        this.listener = listener;
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new AtomicLong();
        }
    }

    void add(Kind kind, long bytes) {
        tallies[kind.ordinal() * 2].incrementAndGet();
        tallies[kind.ordinal() * 2 + 1].addAndGet(bytes);
        maybeReportProgress();
    }

    void listedKey() {
        listed.incrementAndGet();
    }

    /** A key the sync state showed equal. */
    void recordedEqual() {
        recorded.incrementAndGet();
    }

    /** A key neither its ETags nor the sync state showed equal (then copied, verified or unverified). */
    void unproven() {
        unproven.incrementAndGet();
    }

    /** CHECK: an unproven key that was not read. */
    void unverified() {
        unverified.incrementAndGet();
    }

    synchronized void note(String line) {
        if (notes.size() < MAX_NOTES) {
            notes.add(line);
        }
    }

    /** A failed object: counted, reported, and (through {@link #hasErrors}) blocks every delete. */
    void failed(String key, long bytes, String message) {
        add(Kind.FAILED, bytes);
        error(KeyText.escape(key) + ": " + message);
    }

    synchronized void error(String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(message);
        } else if (errors.size() == MAX_ERRORS) {
            errors.add("... more errors follow (see the failed count)");
        }
    }

    synchronized boolean hasErrors() {
        return errorCount > 0;
    }

    void planLine(String line) {
        try {
            listener.planLine(line);
        } catch (RuntimeException e) {
            note("plan listener failed: " + e); // a broken callback must not fail objects
        }
        synchronized (this) {
            if (plan.size() < options.reportLineLimit()) {
                plan.add(line);
            } else {
                planOmitted++;
            }
        }
    }

    /** CHECK: one more difference between the sides (DIFFERENT result). */
    void difference() {
        differences.incrementAndGet();
    }

    long differenceCount() {
        return differences.get();
    }

    long recordedCount() {
        return recorded.get();
    }

    long unprovenCount() {
        return unproven.get();
    }

    long unverifiedCount() {
        return unverified.get();
    }

    long count(Kind kind) {
        return tallies[kind.ordinal() * 2].get();
    }

    long bytes(Kind kind) {
        return tallies[kind.ordinal() * 2 + 1].get();
    }

    private void maybeReportProgress() {
        synchronized (this) {
            // read the clock under the lock: a time read before it could be older than the last
            // report, and that object's progress would be dropped (threads finish objects concurrently)
            long now = System.nanoTime();
            if (now - lastProgressNanos < options.progressInterval().toNanos()) {
                return;
            }
            lastProgressNanos = now;
        }
        tellProgress();
    }

    private void tellProgress() {
        try {
            listener.progress(progress());
        } catch (RuntimeException e) {
            note("progress listener failed: " + e); // a broken callback must not fail objects
        }
    }

    SyncListener.Progress progress() {
        return new SyncListener.Progress(count(Kind.COPIED) + count(Kind.UPDATED),
                bytes(Kind.COPIED) + bytes(Kind.UPDATED), count(Kind.DELETED), count(Kind.FAILED), listed.get());
    }

    SyncReport report(String job, SyncReport.Result result, long srcCount, long dstCount, RequestCounter counter) {
        return report(job, result, srcCount, dstCount, counter, null);
    }

    /** FAILED after any error; DIFFERENT when a check found a difference; else OK. */
    SyncReport.Result result() {
        return hasErrors() ? SyncReport.Result.FAILED
                : options.mode() == SyncMode.CHECK && differenceCount() > 0 ? SyncReport.Result.DIFFERENT
                : SyncReport.Result.OK;
    }

    /** keepPlace: where this run keeps what it replaces (for the report); null when it keeps nothing. */
    synchronized SyncReport report(String job, SyncReport.Result result, long srcCount, long dstCount,
                                   RequestCounter counter, String keepPlace) {
        tellProgress();
        var tallies = new SyncReport.Tallies(tally(Kind.COPIED), tally(Kind.UPDATED), tally(Kind.DELETED),
                tally(Kind.SKIPPED), tally(Kind.FAILED));
        return new SyncReport(job, options.mode(), result, errors, tallies,
                new SyncReport.Equality(recorded.get(), unproven.get(), unverified.get()),
                new SyncReport.Listed(srcCount, dstCount), new SyncReport.Traffic(counter.snapshot(), counter.retries()),
                Duration.ofNanos(System.nanoTime() - startNanos), new SyncReport.Planned(plan, planOmitted), notes,
                keepPlace == null ? SyncReport.Kept.NONE
                        : new SyncReport.Kept(keepPlace, tally(Kind.KEPT_REPLACED), tally(Kind.KEPT_DELETED)));
    }

    private SyncReport.Tally tally(Kind kind) {
        return new SyncReport.Tally(count(kind), bytes(kind));
    }
}

package io.replicator.s3sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one run. In DRY_RUN the copied/updated/deleted tallies are what a real run would
 * do; in CHECK they are the differences (missing on destination / differing / extra on
 * destination). {@code plan} holds the dry-run plan or the check differences (at most
 * reportLineLimit lines, then {@code planLinesOmitted} counts the rest); {@code notes} holds
 * non-fatal remarks; {@code errors} why a run FAILED. {@code recordedEqual}: objects shown equal by
 * the sync state (their ETags do not compare); {@code unproven}: objects neither could show equal,
 * which a sync copies (or verifies by reading both sides); {@code unverified}: CHECK only, unproven
 * objects that were not read (they make the result DIFFERENT: a check never calls them equal).
 */
public record SyncReport(String job, SyncMode mode, Result result, List<String> errors,
                         Tally copied, Tally updated, Tally deleted, Tally skipped, Tally failed,
                         long recordedEqual, long unproven, long unverified,
                         long sourceObjects, long destinationObjects,
                         Map<RequestType, Long> requests, long retries, Duration duration,
                         List<String> plan, long planLinesOmitted, List<String> notes, Kept kept) {

    /** OK; DIFFERENT only in CHECK mode when the sides differ; FAILED with {@code errors}. */
    public enum Result { OK, DIFFERENT, FAILED }

    public record Tally(long objects, long bytes) {
        public static final Tally ZERO = new Tally(0, 0);

        @Override
        public String toString() {
            return objects + " (" + bytes + " B)";
        }
    }

    /**
     * Destination objects copied to the keep place before being overwritten or deleted (DRY_RUN:
     * what a real run would keep); place null when the job keeps nothing.
     */
    public record Kept(String place, Tally replaced, Tally deleted) {
        public static final Kept NONE = new Kept(null, Tally.ZERO, Tally.ZERO);
    }

    public SyncReport {
        kept = kept == null ? Kept.NONE : kept;
        errors = List.copyOf(errors);
        requests = Map.copyOf(requests);
        plan = List.copyOf(plan);
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return result == Result.OK;
    }

    public long requestCount(RequestType type) {
        return requests.getOrDefault(type, 0L);
    }

    /** The keep place's own summary line; empty when the job keeps nothing. */
    public java.util.Optional<String> keptSummary() {
        if (kept.place() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((mode == SyncMode.DRY_RUN ? "would keep" : "kept") + " in " + kept.place()
                + ": replaced " + kept.replaced() + ", deleted " + kept.deleted());
    }

    /** One line for the log and the status resource. */
    public String summary() {
        String verb = switch (mode) {
            case SYNC -> "copied %s, updated %s, deleted %s";
            case DRY_RUN -> "would copy %s, update %s, delete %s";
            case CHECK -> "missing on destination %s, differing %s, extra on destination %s";
        };
        String reqs = requests.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return "bucket job " + job + " " + mode + " " + result + ": " + String.format(verb, copied, updated, deleted)
                + ", skipped " + skipped + ", failed " + failed + ", equal by record " + recordedEqual
                + ", unproven " + unproven + (mode == SyncMode.CHECK ? ", unverified " + unverified : "")
                + "; listed source " + sourceObjects + ", destination " + destinationObjects
                + "; requests " + (reqs.isEmpty() ? "none" : reqs) + " (retries " + retries + ")"
                + "; " + duration.toMillis() + " ms"
                + (errors.isEmpty() ? "" : "; errors: " + String.join(" | ", errors));
    }
}

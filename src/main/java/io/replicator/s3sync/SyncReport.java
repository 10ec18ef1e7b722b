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
 * The figures come in small groups (tallies, equality, listed, traffic, planned); the accessors
 * below read them by their own names.
 */
public record SyncReport(String job, SyncMode mode, Result result, List<String> errors, Tallies tallies,
                         Equality equality, Listed listed, Traffic traffic, Duration duration, Planned planned,
                         List<String> notes, Kept kept) {

    /** OK; DIFFERENT only in CHECK mode when the sides differ; FAILED with {@code errors}. */
    public enum Result { OK, DIFFERENT, FAILED }

    public record Tally(long objects, long bytes) {
        public static final Tally ZERO = new Tally(0, 0);

        @Override
        public String toString() {
            return objects + " (" + bytes + " B)";
        }
    }

    /** Objects (and bytes) per decision. */
    public record Tallies(Tally copied, Tally updated, Tally deleted, Tally skipped, Tally failed) { }

    /** How equality was shown where the ETags could not: by the sync state, not at all, not checked. */
    public record Equality(long recordedEqual, long unproven, long unverified) { }

    /** Objects listed on each side. */
    public record Listed(long sourceObjects, long destinationObjects) { }

    /** Requests sent, by type, and how many were retries. */
    public record Traffic(Map<RequestType, Long> requests, long retries) {
        public Traffic {
            requests = Map.copyOf(requests);
        }
    }

    /** The plan (dry run) or differences (check), and how many more lines were left out. */
    public record Planned(List<String> lines, long omitted) {
        public Planned {
            lines = List.copyOf(lines);
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
        notes = List.copyOf(notes);
    }

    public Tally copied() {
        return tallies.copied();
    }

    public Tally updated() {
        return tallies.updated();
    }

    public Tally deleted() {
        return tallies.deleted();
    }

    public Tally skipped() {
        return tallies.skipped();
    }

    public Tally failed() {
        return tallies.failed();
    }

    public long recordedEqual() {
        return equality.recordedEqual();
    }

    public long unproven() {
        return equality.unproven();
    }

    public long unverified() {
        return equality.unverified();
    }

    public long sourceObjects() {
        return listed.sourceObjects();
    }

    public long destinationObjects() {
        return listed.destinationObjects();
    }

    public Map<RequestType, Long> requests() {
        return traffic.requests();
    }

    public long retries() {
        return traffic.retries();
    }

    public List<String> plan() {
        return planned.lines();
    }

    public long planLinesOmitted() {
        return planned.omitted();
    }

    public boolean ok() {
        return result == Result.OK;
    }

    public long requestCount(RequestType type) {
        return requests().getOrDefault(type, 0L);
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
        String reqs = requests().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return "bucket job " + job + " " + mode + " " + result + ": " + String.format(verb, copied(), updated(), deleted())
                + ", skipped " + skipped() + ", failed " + failed() + ", equal by record " + recordedEqual()
                + ", unproven " + unproven() + (mode == SyncMode.CHECK ? ", unverified " + unverified() : "")
                + "; listed source " + sourceObjects() + ", destination " + destinationObjects()
                + "; requests " + (reqs.isEmpty() ? "none" : reqs) + " (retries " + retries() + ")"
                + "; " + duration.toMillis() + " ms"
                + (errors.isEmpty() ? "" : "; errors: " + String.join(" | ", errors));
    }
}

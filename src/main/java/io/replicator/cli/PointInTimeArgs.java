package io.replicator.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code --point-in-time <RFC 3339> --to <remote>:<bucket>[/prefix]}: one restore-drill run of a
 * bucket-sync job, into a bucket the command names (never implied).
 */
public record PointInTimeArgs(Instant at, String remote, String bucket, String prefix) {

    /** Both flags or neither; either without the other is a usage error naming it. */
    static PointInTimeArgs parse(String pointInTime, String to) {
        if (pointInTime == null && to == null) {
            return null;
        }
        if (to == null) {
            throw new CliException("--point-in-time needs --to <remote>:<bucket>, the bucket to restore into "
                    + "(a restore never writes into the job's destination unless --to names it)");
        }
        if (pointInTime == null) {
            throw new CliException("--to only applies with --point-in-time");
        }
        String[] target = split(to);
        return new PointInTimeArgs(instant(pointInTime), target[0], target[1], target[2]);
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException("--point-in-time '" + text + "' is not an RFC 3339 time with a zone offset, "
                    + "such as 2026-12-03T10:15:30Z or 2026-12-03T11:15:30.5+01:00");
        }
    }

    private static String[] split(String to) {
        int colon = to.indexOf(':');
        String remote = colon < 0 ? "" : to.substring(0, colon);
        String path = colon < 0 ? "" : to.substring(colon + 1);
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        if (remote.isBlank() || bucket.isBlank()) {
            throw new CliException("--to '" + to + "' is not <remote>:<bucket>[/prefix] (a remote configured under "
                    + "replicator.remotes.<name>)");
        }
        return new String[] {remote, bucket, slash < 0 ? "" : path.substring(slash + 1)};
    }

    /** "remote:bucket[/prefix]" for messages. */
    String target() {
        return remote + ":" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}

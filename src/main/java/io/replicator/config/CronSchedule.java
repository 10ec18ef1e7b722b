package io.replicator.config;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A schedule in the standard 5-field form (read as Kubernetes CronJobs and VolSync read it, see
 * StandardCron), a macro such as {@code @daily}, or Quartz's 6/7-field form; always with a time zone
 * (UTC unless configured). {@code quartz} holds one Quartz expression per trigger: two when the
 * schedule runs on a day of the month OR a day of the week; it fires at every time either fires.
 */
public record CronSchedule(String original, List<String> quartz, ZoneId zone) {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    public CronSchedule {
        quartz = List.copyOf(quartz);
    }

    /** Parses the expression; the exception message says what is wrong, without the property name. */
    public static CronSchedule parse(String expression, ZoneId zone) {
        String expr = MACROS.getOrDefault(expression.trim().toLowerCase(java.util.Locale.ROOT), expression.trim());
        String[] f = expr.split("\\s+");
        List<String> quartz = switch (f.length) {
            case 5 -> StandardCron.toQuartz(f);
            case 6, 7 -> List.of(expr);
            default -> throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month "
                    + "day-of-week), a macro such as @daily, or Quartz's 6 or 7 fields; got " + f.length);
        };
        quartz.forEach(q -> expression(q, zone));
        return new CronSchedule(expression.trim(), quartz, zone);
    }

    /** Next fire time strictly after {@code after}: the earliest of the triggers' next times. */
    public Optional<Instant> nextAfter(Instant after) {
        return quartz.stream().map(q -> expression(q, zone).getNextValidTimeAfter(Date.from(after)))
                .filter(Objects::nonNull).map(Date::toInstant).min(Instant::compareTo);
    }

    private static CronExpression expression(String quartz, ZoneId zone) {
        try {
            CronExpression ce = new CronExpression(quartz);
            ce.setTimeZone(TimeZone.getTimeZone(zone));
            return ce;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid cron expression (" + e.getMessage() + ")");
        }
    }
}

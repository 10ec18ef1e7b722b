package io.replicator.config;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A schedule in the standard 5-field form (as in Kubernetes CronJobs and VolSync), a macro such as
 * {@code @daily}, or Quartz's 6/7-field form; always with a time zone (UTC unless configured).
 */
public record CronSchedule(String original, String quartz, ZoneId zone) {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    /** Parses the expression; the exception message says what is wrong, without the property name. */
    public static CronSchedule parse(String expression, ZoneId zone) {
        String expr = MACROS.getOrDefault(expression.trim(), expression.trim());
        String[] f = expr.split("\\s+");
        String quartz = switch (f.length) {
            case 5 -> fromStandard(f);
            case 6, 7 -> expr;
            default -> throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month "
                    + "day-of-week), a macro such as @daily, or Quartz's 6 or 7 fields; got " + f.length);
        };
        try {
            CronExpression ce = new CronExpression(quartz);
            ce.setTimeZone(TimeZone.getTimeZone(zone));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid cron expression (" + e.getMessage() + ")");
        }
        return new CronSchedule(expression.trim(), quartz, zone);
    }

    /** Next fire time strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        try {
            CronExpression ce = new CronExpression(quartz);
            ce.setTimeZone(TimeZone.getTimeZone(zone));
            return Optional.ofNullable(ce.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalStateException(e); // validated in parse()
        }
    }

    private static String fromStandard(String[] f) {
        String dom = f[2];
        String dow = standardDayOfWeekToQuartz(f[4]);
        // Standard cron ORs day-of-month and day-of-week when both are set; Quartz cannot express that.
        if (dow.equals("*")) {
            dow = "?";
        } else if (dom.equals("*")) {
            dom = "?";
        } else {
            throw new IllegalArgumentException("restricting both day-of-month and day-of-week is not supported "
                    + "in the 5-field form; use Quartz's 6-field form");
        }
        return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
    }

    /** Standard cron counts Sunday as 0 or 7, Quartz as 1: shift numbers, keep names and steps. */
    static String standardDayOfWeekToQuartz(String field) {
        List<String> out = new ArrayList<>();
        for (String item : field.split(",")) {
            String[] stepSplit = item.split("/", 2);
            String range = stepSplit[0];
            String step = stepSplit.length == 2 ? "/" + stepSplit[1] : "";
            if (range.equals("*") || !Character.isDigit(range.charAt(0))) {
                out.add(item);
                continue;
            }
            String[] ends = range.split("-", 2);
            int from = dayNumber(ends[0]);
            if (ends.length == 1) {
                out.add(quartzDay(from) + step);
            } else if (dayNumber(ends[1]) == 7 && from > 0) {
                // e.g. 5-7 (Fri..Sun): Sunday wraps to 1 in Quartz, so split the range.
                out.add((from + 1) + "-7" + step);
                out.add("1");
            } else {
                out.add(quartzDay(from) + "-" + quartzDay(dayNumber(ends[1])) + step);
            }
        }
        return String.join(",", out);
    }

    private static int dayNumber(String s) {
        int d;
        try {
            d = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("day-of-week '" + s + "' is not a number 0-7 or a name such as MON");
        }
        if (d < 0 || d > 7) {
            throw new IllegalArgumentException("day-of-week " + d + " is out of range 0-7");
        }
        return d;
    }

    private static int quartzDay(int standard) {
        return standard % 7 + 1;
    }
}

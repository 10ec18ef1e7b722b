package io.replicator.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 5-field cron form read as Kubernetes CronJobs and VolSync read it (robfig/cron's standard
 * parser), plus {@code 7} for Sunday as crontab(5) allows, turned into Quartz expressions.
 * Day of month and day of week: when either field starts with an unstepped {@code *} (or
 * {@code ?}) both must match, otherwise either may: {@code 0 5 1 * 1} runs on the 1st and on
 * Mondays. One Quartz cron expression cannot say "or", so that case gives two expressions.
 * Hand-rolled because cron-utils 9.2.1's Unix-to-Quartz mapper (checked here) turns {@code 0-7}
 * into Quartz {@code 1-1} (Sundays only), {@code 5-7} into {@code 6-1}, and refuses day of month
 * together with day of week. Fields are expanded to explicit value lists so that Quartz's reading
 * of ranges and steps never matters.
 */
final class StandardCron {
    private static final Map<String, Integer> MONTHS = names("jan", 1, "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final Map<String, Integer> DAYS = names("sun", 0, "mon", "tue", "wed", "thu", "fri", "sat");

    private StandardCron() {
    }

    /** One Quartz expression, or two (day of month; day of week) when either day field may match. */
    static List<String> toQuartz(String[] f) {
        Field minutes = Field.parse("minute", f[0], 0, 59, 59, Map.of());
        Field hours = Field.parse("hour", f[1], 0, 23, 23, Map.of());
        Field dom = Field.parse("day-of-month", f[2], 1, 31, 31, Map.of());
        Field months = Field.parse("month", f[3], 1, 12, 12, MONTHS);
        // Day of week: 0-6 from Sunday; 7 is Sunday too, but only where written (5-7), not reached by */n.
        Field dow = Field.parse("day-of-week", f[4], 0, 6, 7, DAYS).sundayAsZero();
        String prefix = "0 " + minutes.quartz(0, 59, 0) + " " + hours.quartz(0, 23, 0) + " ";
        String month = " " + months.quartz(1, 12, 0) + " ";
        boolean everyDay = dom.star && dow.star || !dom.star && !dow.star && (dom.full(1, 31) || dow.full(0, 6));
        if (everyDay) {
            return List.of(prefix + "*" + month + "?");
        }
        String byDayOfMonth = prefix + dom.quartz(1, 31, 0) + month + "?";
        String byDayOfWeek = prefix + "?" + month + dow.quartz(0, 6, 1);
        if (dom.star) {
            return List.of(dow.full(0, 6) ? prefix + "*" + month + "?" : byDayOfWeek);
        }
        if (dow.star) {
            return List.of(byDayOfMonth);
        }
        return List.of(byDayOfMonth, byDayOfWeek);
    }

    private static Map<String, Integer> names(String first, int firstValue, String... rest) {
        Map<String, Integer> m = new java.util.HashMap<>();
        m.put(first, firstValue);
        for (int i = 0; i < rest.length; i++) {
            m.put(rest[i], firstValue + 1 + i);
        }
        return Map.copyOf(m);
    }

    /** A field's values, and whether it was written as an unstepped star (robfig's starBit). */
    private record Field(BitSet values, boolean star) {
        static Field parse(String name, String text, int min, int max, int writtenMax, Map<String, Integer> names) {
            BitSet values = new BitSet();
            boolean star = false;
            for (String item : text.split(",", -1)) {
                String[] rangeAndStep = item.split("/", -1);
                String[] lowHigh = rangeAndStep[0].split("-", -1);
                if (rangeAndStep.length > 2 || lowHigh.length > 2) {
                    throw new IllegalArgumentException(name + " '" + item + "' has too many '/' or '-'");
                }
                boolean itemStar = lowHigh[0].equals("*") || lowHigh[0].equals("?");
                int start = itemStar ? min : value(name, lowHigh[0], names);
                int end = itemStar ? max : lowHigh.length == 2 ? value(name, lowHigh[1], names) : start;
                int step = 1;
                if (rangeAndStep.length == 2) {
                    step = value(name, rangeAndStep[1], Map.of());
                    if (step < 1) {
                        throw new IllegalArgumentException(name + " '" + item + "' has step 0");
                    }
                    if (lowHigh.length == 1 && !itemStar) {
                        end = max; // N/step means N-max/step
                    }
                }
                if (itemStar && lowHigh.length == 2) {
                    throw new IllegalArgumentException(name + " '" + item + "' is not a range");
                }
                if (start < min || end > writtenMax || start > end) {
                    throw new IllegalArgumentException(name + " '" + item + "' is out of range " + min + "-" + writtenMax);
                }
                for (int v = start; v <= end; v += step) {
                    values.set(v);
                }
                star |= itemStar && step == 1;
            }
            return new Field(values, star);
        }

        private static int value(String name, String text, Map<String, Integer> names) {
            Integer named = names.get(text.toLowerCase(Locale.ROOT));
            if (named != null) {
                return named;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + text + "' is not a number"
                        + (names.isEmpty() ? "" : " or a name such as " + names.keySet().stream().sorted().findFirst().orElseThrow()));
            }
        }

        Field sundayAsZero() {
            BitSet v = (BitSet) values.clone();
            if (v.get(7)) {
                v.clear(7);
                v.set(0);
            }
            return new Field(v, star);
        }

        boolean full(int min, int max) {
            return values.nextClearBit(min) > max;
        }

        /** "*" when every value is set, else the values as a Quartz list, each shifted by {@code offset}. */
        String quartz(int min, int max, int offset) {
            if (full(min, max)) {
                return "*";
            }
            List<String> out = new ArrayList<>();
            values.stream().forEach(v -> out.add(String.valueOf(v + offset)));
            return String.join(",", out);
        }
    }
}

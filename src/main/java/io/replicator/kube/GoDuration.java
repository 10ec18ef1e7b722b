package io.replicator.kube;

import java.time.Duration;

/**
 * Formats a duration as Go's {@code time.Duration.String()} does ("1h2m3.5s", "3.2s", "1.5ms", "0s"),
 * the format of VolSync's {@code status.lastSyncDuration}.
 */
public final class GoDuration {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long ns;
        try {
            ns = d.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration " + d + " is longer than Go's time.Duration can hold", e);
        }
        if (ns == 0) {
            return "0s";
        }
        if (ns < MICRO) {
            return ns + "ns";
        }
        if (ns < MILLI) {
            return decimal(ns, 3) + "µs";
        }
        if (ns < SECOND) {
            return decimal(ns, 6) + "ms";
        }
        long totalSeconds = ns / SECOND;
        String seconds = (totalSeconds % 60) + fraction(ns % SECOND, 9) + "s";
        long totalMinutes = totalSeconds / 60;
        if (totalMinutes == 0) {
            return seconds;
        }
        long hours = totalMinutes / 60;
        String minutes = (totalMinutes % 60) + "m" + seconds;
        return hours == 0 ? minutes : hours + "h" + minutes;
    }

    /** value / 10^digits with its fraction, trailing zeros dropped. */
    private static String decimal(long value, int digits) {
        long unit = (long) Math.pow(10, digits);
        return (value / unit) + fraction(value % unit, digits);
    }

    /** ".5" for 500 with 3 digits; "" for 0. */
    private static String fraction(long remainder, int digits) {
        if (remainder == 0) {
            return "";
        }
        String s = String.format("%0" + digits + "d", remainder).replaceFirst("0+$", "");
        return "." + s;
    }
}

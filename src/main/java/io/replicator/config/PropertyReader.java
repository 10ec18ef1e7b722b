package io.replicator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed access to resolved properties. Problems are collected, not thrown, so that one startup
 * failure reports every bad property at once; every message starts with the property name.
 */
public final class PropertyReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]i?B?|B)?", Pattern.CASE_INSENSITIVE);

    private final Function<String, Optional<String>> resolver;
    private final java.util.function.Predicate<String> configured;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    /** @param configured whether a key appears in a properties file (resolved or not) */
    public PropertyReader(Function<String, Optional<String>> resolver, java.util.function.Predicate<String> configured) {
        this.resolver = resolver;
        this.configured = configured;
    }

    /** The problem text for a required key without a value: unset, or set to something empty. */
    public String missing(String key, String hint) {
        return configured.test(key) ? "is set but resolves to nothing (an unset environment variable in {{env:...}}?)"
                : "is required" + (hint == null ? "" : ": " + hint);
    }

    public Optional<String> optional(String key) {
        read.add(key);
        try {
            return resolver.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            // e.g. {{env:X}} with X unset; Camel's message names the placeholder, not a value
            problem(key, null, "cannot be resolved: " + e.getMessage());
            return Optional.empty();
        }
    }

    public String string(String key, String dflt) {
        return optional(key).orElse(dflt);
    }

    public String required(String key, String hint) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            problem(key, null, missing(key, hint));
            return "";
        }
        return v.get();
    }

    public boolean bool(String key, boolean dflt) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return dflt;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        problem(key, v.get(), "must be true or false");
        return dflt;
    }

    public int integer(String key, int dflt, int min, int max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, v.get(), "must be a whole number from " + min + " to " + max);
        return dflt;
    }

    /** Durations as 500ms, 30s, 5m, 1h, 1d or ISO-8601 (PT30S). */
    public Duration duration(String key, Duration dflt) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return dflt;
        }
        Matcher m = DURATION.matcher(v.get());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v.get());
        } catch (RuntimeException e) {
            problem(key, v.get(), "must be a duration such as 30s, 5m, 1h or PT30S");
            return dflt;
        }
    }

    /** Byte sizes as 1024, 64KiB, 64MiB, 5GiB (K/M/G/T are powers of 1024, as in rclone). */
    public long bytes(String key, long dflt, long min) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return dflt;
        }
        Matcher m = SIZE.matcher(v.get());
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
            int shift = switch (unit.charAt(0)) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                default -> 0;
            };
            long n = Long.parseLong(m.group(1)) << shift;
            if (n >= min) {
                return n;
            }
        }
        problem(key, v.get(), "must be a size of at least " + min + " bytes, such as 64MiB");
        return dflt;
    }

    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        optional(key).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        });
        return out;
    }

    /** A credential: {@code key} itself (often {{env:X}}), or a file named by {@code key-file}. */
    public Optional<Secret> secret(String key) {
        Optional<String> direct = optional(key);
        Optional<String> file = optional(key + "-file");
        if (direct.isPresent() && file.isPresent()) {
            problem(key, "****", "is set together with " + key + "-file: set only one");
        }
        if (direct.isPresent()) {
            return direct.map(Secret::new);
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                problem(key + "-file", file.get(), "the file is empty");
                return Optional.empty();
            }
            return Optional.of(new Secret(text));
        } catch (IOException | RuntimeException e) {
            problem(key + "-file", file.get(), "cannot read the file (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** A cron schedule (see CronSchedule) in a zone; null (and a problem) when malformed. */
    public CronSchedule schedule(String key, String text, ZoneId zone) {
        try {
            return CronSchedule.parse(text, zone == null ? ZoneId.of("UTC") : zone);
        } catch (IllegalArgumentException e) {
            problem(key, text, "is not a schedule: " + e.getMessage());
            return null;
        }
    }

    /** A time zone such as UTC or Europe/Stockholm; UTC (and a problem) when unknown. */
    public ZoneId zone(String key, String text) {
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            problem(key, text, "is not a time zone such as UTC or Europe/Stockholm");
            return ZoneId.of("UTC");
        }
    }

    /** Records a problem; never pass a secret as the value. */
    public void problem(String key, String value, String what) {
        problems.add(value == null ? key + " " + what : key + "='" + value + "' " + what);
    }

    public boolean wasRead(String key) {
        return read.contains(key);
    }

    public List<String> problems() {
        return problems;
    }
}

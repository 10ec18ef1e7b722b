package io.replicator.config;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The max-delete guard: a count, a percentage of the destination, both, or none. */
public record DeleteLimit(OptionalLong maxCount, OptionalDouble maxPercent) {
    public static final DeleteLimit NONE = new DeleteLimit(OptionalLong.empty(), OptionalDouble.empty());

    /** Parses {@code 1000}, {@code 10%} or {@code 1000,10%}. */
    static DeleteLimit parse(String spec) {
        OptionalLong count = OptionalLong.empty();
        OptionalDouble percent = OptionalDouble.empty();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                if (p.endsWith("%")) {
                    double d = Double.parseDouble(p.substring(0, p.length() - 1).trim());
                    if (d < 0 || d > 100 || percent.isPresent()) {
                        throw new NumberFormatException();
                    }
                    percent = OptionalDouble.of(d);
                } else {
                    long n = Long.parseLong(p);
                    if (n < 0 || count.isPresent()) {
                        throw new NumberFormatException();
                    }
                    count = OptionalLong.of(n);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a count (1000), a percentage (10%) or both (1000,10%)");
            }
        }
        return new DeleteLimit(count, percent);
    }
}

package io.replicator.volume;

/** Error text helpers: bounded length on the wire, a readable message for any throwable. */
final class Reasons {
    static final int MAX = 2000;

    private Reasons() {
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
    }

    static String of(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return t instanceof java.io.IOException || t instanceof IllegalArgumentException ? m
                : t.getClass().getSimpleName() + ": " + m;
    }
}

package io.replicator.kube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code latestMoverStatus.logs}: the last lines of a run and its error, at most 1 KiB as VolSync keeps. */
final class MoverLogs {
    static final int MAX_BYTES = 1024;

    private MoverLogs() {
    }

    static String tail(List<String> lines, String error) {
        List<String> all = new ArrayList<>(lines);
        if (error != null && !error.isBlank()) {
            all.add("error: " + error);
        }
        String text = String.join("\n", all);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        int from = bytes.length - MAX_BYTES;
        while (from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
            from++; // do not start inside a multi-byte character
        }
        String cut = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        int newline = cut.indexOf('\n');
        // Prefer whole lines, unless the last line alone is longer than the limit.
        return newline >= 0 && newline < cut.length() - 1 ? cut.substring(newline + 1) : cut;
    }
}

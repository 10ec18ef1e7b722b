package io.replicator.s3sync;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which source versions a versions=all job has replicated, and as which destination version:
 * key -> (source version id -> destination version id). Text, one line per version: URL-encoded
 * key, source version id, destination version id ("-" when the server answered none). Each line is
 * a fact that stays true (the destination version holds that source version's bytes), so a line
 * is only dropped when its source version is no longer listed.
 */
final class VersionMap {
    static final String HEADER = "camel-replicator version map 1";
    private static final String UNKNOWN = "-";

    private final Map<String, Map<String, String>> byKey = new TreeMap<>();
    private boolean changed;

    static VersionMap decode(byte[] data) {
        VersionMap m = new VersionMap();
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a version map (first line is not '" + HEADER + "')");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split(" ");
            if (f.length != 3) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the version map has " + f.length
                        + " fields, not 3");
            }
            m.byKey.computeIfAbsent(decode(f[0]), k -> new LinkedHashMap<>()).put(decode(f[1]), decode(f[2]));
        }
        return m;
    }

    byte[] encode() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        byKey.forEach((key, versions) -> versions.forEach((src, dst) -> b.append(encode(key)).append(' ')
                .append(encode(src)).append(' ').append(encode(dst)).append('\n')));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    boolean isReplicated(String key, String sourceVersionId) {
        Map<String, String> v = byKey.get(key);
        return v != null && v.containsKey(sourceVersionId);
    }

    void replicated(String key, String sourceVersionId, String destinationVersionId) {
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(sourceVersionId,
                destinationVersionId == null ? UNKNOWN : destinationVersionId);
        changed = true;
    }

    /** Source version ids recorded for the key (empty when none). */
    Set<String> sourceVersions(String key) {
        Map<String, String> v = byKey.get(key);
        return v == null ? Set.of() : Set.copyOf(v.keySet());
    }

    /** The destination version recorded for a source version, null when none. */
    String destinationVersion(String key, String sourceVersionId) {
        Map<String, String> v = byKey.get(key);
        return v == null ? null : v.get(sourceVersionId);
    }

    /** Drops entries whose source versions were not listed (deleted at the source); returns how many. */
    int forgetUnlisted(String key, Set<String> listedVersionIds) {
        Map<String, String> v = byKey.get(key);
        if (v == null) {
            return 0;
        }
        int before = v.size();
        v.keySet().retainAll(listedVersionIds);
        if (v.isEmpty()) {
            byKey.remove(key);
        }
        changed |= v.size() != before;
        return before - v.size();
    }

    /** Keys with entries (to find keys whose every source version is gone). */
    Set<String> keys() {
        return Set.copyOf(byKey.keySet());
    }

    int size() {
        return byKey.values().stream().mapToInt(Map::size).sum();
    }

    boolean changed() {
        return changed;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

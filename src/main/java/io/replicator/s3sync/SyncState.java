package io.replicator.s3sync;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of one destination (bucket and prefix): for each key whose ETags cannot show equality
 * (another multipart layout, SSE-KMS, a layout the copier could not reproduce), the source ETag and
 * the destination ETag right after this tool copied or verified it. Each entry states a fact that
 * stays true: "the destination object with ETag D holds the bytes of the source object with ETag S"
 * (an ETag changes with the bytes). A later run skips the key only while both listed ETags still
 * equal the recorded pair. Stored as UTF-8 text, one line per key: URL-encoded key, source ETag,
 * destination ETag, separated by spaces, after a version line.
 */
final class SyncState {
    static final String HEADER = "camel-replicator sync state 1";
    static final SyncState EMPTY = new SyncState(Map.of());

    record Entry(String sourceEtag, String destinationEtag) {
        boolean proves(ObjectEntry source, ObjectEntry destination) {
            return sourceEtag.equals(source.etag()) && destinationEtag.equals(destination.etag());
        }
    }

    private final Map<String, Entry> entries;

    SyncState(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new HashMap<>(entries));
    }

    Entry get(String key) {
        return entries.get(key);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Sorted by key, so the same state always gives the same bytes. */
    byte[] encode() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            sb.append(enc(e.getKey())).append(' ').append(enc(e.getValue().sourceEtag())).append(' ')
                    .append(enc(e.getValue().destinationEtag())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException naming the line when the bytes are not a state of this version */
    static SyncState decode(byte[] data) {
        Map<String, Entry> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data),
                StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException("line 1 is not '" + HEADER + "'");
            }
            int n = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String[] f = line.split(" ", -1);
                if (f.length != 3) {
                    throw new IllegalArgumentException("line " + n + " has " + f.length + " fields, not 3");
                }
                m.put(dec(f[0]), new Entry(dec(f[1]), dec(f[2])));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return new SyncState(m);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

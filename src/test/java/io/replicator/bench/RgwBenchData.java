package io.replicator.bench;

import io.replicator.testing.RgwUser;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The RGW benchmark's source bucket: 2,000+ objects with awkward keys (non-ASCII, NFC/NFD twins,
 * emoji, spaces, {@code + % & = $ ~}, trailing spaces, {@code //}, folder markers), empty objects,
 * headers and user metadata on every tenth, tags on every twentieth, medium single-PUT objects and
 * multipart objects in several part layouts. No single-PUT object is 200-319 bytes (the request log
 * would count it as a copy). Loaded with the fixture's whole-payload-signing client.
 */
final class RgwBenchData {
    static final int SMALL = 2000;
    private static final int MIB = 1024 * 1024;
    private static final String[] AWKWARD = {"plain", "with space", "é-composed", "e\u0301-decomposed", "ß/ü/ö",
        "日本語/ファイル", "emoji 😀", "plus+sign", "percent%20literal", "amp&eq=x", "trailing space ", "double//slash",
        "tab-free (parens) [brackets]", "comma,semicolon;", "quote'single", "ü-NFC-twin"};

    /** The keys that carry headers or tags, and the multipart keys, for the fidelity check. */
    final List<String> withHeaders = new ArrayList<>();
    final List<String> withTags = new ArrayList<>();
    final List<String> multipart = new ArrayList<>();
    final List<String> medium = new ArrayList<>();
    int objects;
    long bytes;

    void load(RgwUser user, String bucket) throws Exception {
        user.createBucket(bucket);
        Map<String, Integer> small = smallKeys();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Integer> e : small.entrySet()) {
                int n = i++;
                String key = e.getKey();
                byte[] data = random(e.getValue(), n);
                boolean headers = n % 10 == 3;
                boolean tags = n % 20 == 7;
                if (headers) {
                    withHeaders.add(key);
                }
                if (tags) {
                    withTags.add(key);
                }
                done.add(pool.submit(() -> user.put(bucket, key, data, b -> {
                    if (headers) {
                        b.contentType("text/html; charset=utf-8").cacheControl("max-age=" + n)
                                .contentDisposition("attachment; filename=\"f" + n + ".html\"").contentLanguage("de-CH")
                                .metadata(Map.of("owner", "team-" + (n % 7), "seq", Integer.toString(n)));
                    }
                    if (tags) {
                        b.tagging("team=t" + (n % 3) + "&seq=" + n);
                    }
                })));
                bytes += data.length;
            }
            for (int m = 0; m < 20; m++) {
                String key = "medium/object-" + m + ".bin";
                byte[] data = random(300 * 1024 + m * 97 * 1024, 10_000 + m);
                medium.add(key);
                done.add(pool.submit(() -> user.put(bucket, key, data)));
                bytes += data.length;
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        multipart(user, bucket, "mp/11MiB-in-5MiB-parts.bin", 11 * MIB + 123, 5 * MIB);
        multipart(user, bucket, "mp/17MiB-in-8MiB-parts.bin", 17 * MIB, 8 * MIB);
        multipart(user, bucket, "mp/12MiB-in-6MiB-parts.bin", 12 * MIB, 6 * MIB);
        multipart(user, bucket, "mp/16MiB-in-16MiB-one-part.bin", 16 * MIB, 16 * MIB);
        multipart(user, bucket, "mp/13MiB-in-6-5-2MiB-parts.bin", 13 * MIB, 6 * MIB, 5 * MIB);
        objects = small.size() + medium.size() + multipart.size();
    }

    /** A multipart object; the last part size repeats, the final part takes the rest. */
    private void multipart(RgwUser user, String bucket, String key, int size, int... partSizes) {
        user.putMultipartLayout(bucket, key, random(size, key.hashCode()), partSizes);
        multipart.add(key);
        bytes += size;
    }

    /** 2,000 keys: awkward names under 40 prefixes, a few folder markers and empty objects. */
    private static Map<String, Integer> smallKeys() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        Random r = new Random(42);
        for (int i = 0; keys.size() < SMALL - 10; i++) {
            String name = AWKWARD[i % AWKWARD.length];
            keys.put(String.format("dir-%02d/%s-%04d.txt", i % 40, name, i), 1024 + r.nextInt(15 * 1024));
        }
        for (String twin : new String[] {"twins/ü.txt", "twins/é/x.txt"}) { // same text, NFC and NFD
            keys.put(Normalizer.normalize(twin, Normalizer.Form.NFC), 2048);
            keys.put(Normalizer.normalize(twin, Normalizer.Form.NFD), 3072);
        }
        for (int f = 0; f < 3; f++) {
            keys.put("folder-" + f + "/", 0);
            keys.put("empty-" + f, 0);
        }
        return keys;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}

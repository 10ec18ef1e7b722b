package io.replicator.bench;

import io.replicator.testing.RgwUser;
import io.replicator.testing.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What a copy kept, outside the measured window: keys, sizes and ETags from both listings, headers
 * of the objects that have some (plus the multipart and medium ones) and tags of the tagged ones.
 */
final class RgwBenchCheck {
    private RgwBenchCheck() {
    }

    /** One line: "keys ok" or the counts of what differs, with a first example each. */
    static String compare(RgwUser src, String srcBucket, RgwUser dst, String dstBucket, RgwBenchData data) {
        Map<String, S3TestServer.Listed> a = src.list(srcBucket);
        Map<String, S3TestServer.Listed> b = dst.list(dstBucket);
        Diff missing = new Diff("missing");
        Diff size = new Diff("size differs");
        Diff etag = new Diff("ETag differs");
        for (var e : a.entrySet()) {
            S3TestServer.Listed d = b.get(e.getKey());
            if (d == null) {
                missing.add(e.getKey());
            } else if (d.size() != e.getValue().size()) {
                size.add(e.getKey());
            } else if (!Objects.equals(d.etag(), e.getValue().etag())) {
                etag.add(e.getKey());
            }
        }
        Diff extra = new Diff("extra");
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(extra::add);
        Diff headers = new Diff("headers differ");
        List<String> headed = new ArrayList<>(data.withHeaders);
        headed.addAll(data.multipart);
        headed.addAll(data.medium);
        for (String k : headed) {
            if (b.containsKey(k)) {
                String why = headerDiff(src.head(srcBucket, k), dst.head(dstBucket, k));
                if (why != null) {
                    headers.add(k + " (" + why + ")");
                }
            }
        }
        Diff tags = new Diff("tags differ");
        for (String k : data.withTags) {
            if (b.containsKey(k) && !tags(src, srcBucket, k).equals(tags(dst, dstBucket, k))) {
                tags.add(k);
            }
        }
        List<String> parts = new ArrayList<>();
        for (Diff d : List.of(missing, extra, size, etag, headers, tags)) {
            if (d.count > 0) {
                parts.add(d.toString());
            }
        }
        return parts.isEmpty() ? "identical (" + a.size() + " keys, sizes, ETags, " + headed.size() + " objects' headers, "
                + data.withTags.size() + " objects' tags)" : String.join("; ", parts);
    }

    private static List<Tag> tags(RgwUser u, String bucket, String key) {
        return u.client().getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet();
    }

    private static String headerDiff(HeadObjectResponse s, HeadObjectResponse d) {
        List<String> why = new ArrayList<>();
        diff(why, "Content-Type", s.contentType(), d.contentType());
        diff(why, "Content-Encoding", s.contentEncoding(), d.contentEncoding());
        diff(why, "Cache-Control", s.cacheControl(), d.cacheControl());
        diff(why, "Content-Disposition", s.contentDisposition(), d.contentDisposition());
        diff(why, "Content-Language", s.contentLanguage(), d.contentLanguage());
        diff(why, "metadata", s.metadata(), d.metadata());
        return why.isEmpty() ? null : String.join(", ", why);
    }

    private static void diff(List<String> why, String name, Object s, Object d) {
        if (!Objects.equals(s, d)) {
            why.add(name + " " + s + " -> " + d);
        }
    }

    private static final class Diff {
        private final String what;
        private int count;
        private String first;

        Diff(String what) {
            this.what = what;
        }

        void add(String key) {
            if (count++ == 0) {
                first = key;
            }
        }

        @Override
        public String toString() {
            return what + " " + count + " (e.g. " + RgwSyncBench.escape(first) + ")";
        }
    }
}

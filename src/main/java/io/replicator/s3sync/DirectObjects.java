package io.replicator.s3sync;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * GET and PUT of small whole objects without the S3Client: {@link SmallHttp} on the wire and
 * {@link SigV4} for the signature. Why: for a bucket of small objects a copy is two requests of a
 * few KiB, and on a small node CPU, not the network, bounds the sync. The S3Client spends about
 * three times the CPU of the HTTP exchange itself on each call (interceptors, marshalling,
 * endpoint rules, metrics), and its signer and the Apache client are what the JIT is still
 * compiling twenty runs after start (profiled in bench/s3sync.sh). Only the success path lives
 * here: any other status or an I/O error returns null, and the caller repeats the request through
 * the S3Client, which owns retries, backoff and error messages (the repeat is counted as a retry
 * here). Bodies stay verified end to end: a PUT carries Content-MD5 (the source's ETag when that is
 * an MD5), a GET must return exactly the listed size. Used for path-style remotes with an explicit
 * non-AWS endpoint and no proxy configured; everything else keeps the SDK's rules.
 */
final class DirectObjects implements AutoCloseable {
    /** Objects up to this size are copied in memory through here. */
    static final int MAX_SIZE = 256 * 1024;
    private static final String META = "x-amz-meta-";
    private static final List<String> PROXY_SETTINGS = List.of("http.proxyHost", "https.proxyHost", "HTTP_PROXY",
            "HTTPS_PROXY", "http_proxy", "https_proxy");

    /** A whole object read into memory, with the headers a copy carries over. */
    record Fetched(byte[] body, ObjectMeta meta) {
    }

    private final String basePath;
    private final String host;
    private final SigV4 signer;
    private final SmallHttp http;
    private final RequestCounter counter;

    private DirectObjects(S3Remote remote, SSLSocketFactory tls, RequestCounter counter) {
        URI ep = remote.endpoint();
        this.basePath = ep.getRawPath() == null ? "" : ep.getRawPath().replaceAll("/+$", "");
        boolean defaultPort = ep.getPort() < 0 || ep.getPort() == ("https".equalsIgnoreCase(ep.getScheme()) ? 443 : 80);
        this.host = defaultPort ? ep.getHost() : ep.getHost() + ":" + ep.getPort();
        this.signer = new SigV4(remote.accessKey(), remote.secretKey(), remote.region());
        this.http = new SmallHttp(ep, tls);
        this.counter = counter;
    }

    /**
     * The direct path for this remote, or null where only the S3Client knows the way. https
     * endpoints are trusted through the JVM's trust store, as for the S3Client.
     */
    static DirectObjects forRemote(S3Remote remote, RequestCounter counter) {
        boolean fits = remote.endpoint() != null && remote.addressing() == S3Remote.Addressing.PATH
                && !remote.isAws() && List.of("http", "https").contains(remote.endpoint().getScheme().toLowerCase())
                && PROXY_SETTINGS.stream().noneMatch(p -> System.getProperty(p) != null || System.getenv(p) != null);
        return fits ? new DirectObjects(remote, (SSLSocketFactory) SSLSocketFactory.getDefault(), counter) : null;
    }

    /** GET If-Match etag; null when anything but a complete 200 of {@code size} bytes came back. */
    Fetched get(String bucket, String key, String quotedEtag, long size) {
        SortedMap<String, String> h = new TreeMap<>();
        if (quotedEtag != null) {
            h.put("if-match", quotedEtag);
        }
        try {
            SmallHttp.Response r = send(RequestType.GET, "GET", bucket, key, h, Map.of(), null, (int) size);
            ObjectMeta meta = r.status() == 200 && r.body() != null && r.body().length == size ? meta(r.headers()) : null;
            return meta == null ? gaveUp() : new Fetched(r.body(), meta);
        } catch (IOException | RuntimeException e) {
            return gaveUp();
        }
    }

    /** PUT with Content-MD5 (the server checks the body); the new ETag, or null. */
    String put(String bucket, String key, ObjectMeta meta, byte[] body, String md5Hex) {
        return put(bucket, key, meta, body, md5Hex, null);
    }

    /** With x-amz-tagging (URL-encoded tags, null for none). */
    String put(String bucket, String key, ObjectMeta meta, byte[] body, String md5Hex, String tagging) {
        if (!plainAscii(meta)) {
            return null; // the SDK decides how such header values are encoded
        }
        SortedMap<String, String> h = new TreeMap<>();
        h.put("content-length", Integer.toString(body.length));
        h.put("content-md5", Md5.contentMd5(md5Hex));
        h.put("content-type", meta.contentType() == null ? "application/octet-stream" : meta.contentType());
        header(h, "cache-control", meta.cacheControl());
        header(h, "content-encoding", meta.contentEncoding());
        header(h, "content-disposition", meta.contentDisposition());
        header(h, "content-language", meta.contentLanguage());
        header(h, "expires", meta.expires() == null ? null : DateUtils.formatRfc822Date(meta.expires()));
        header(h, "x-amz-tagging", tagging);
        Map<String, String> sentAs = new TreeMap<>();
        for (Map.Entry<String, String> m : meta.userMetadata().entrySet()) {
            String name = META + m.getKey(); // sent with the key's own case, signed in lower case
            if (h.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), m.getValue()) != null) {
                return null; // two keys differing in case only: the SDK's problem, not guessed here
            }
            sentAs.put(name.toLowerCase(java.util.Locale.ROOT), name);
        }
        try {
            SmallHttp.Response r = send(RequestType.PUT, "PUT", bucket, key, h, sentAs, body, 0);
            String etag = r.headers().get("ETag");
            return r.status() == 200 && etag != null ? etag : gaveUp();
        } catch (IOException | RuntimeException e) {
            return gaveUp();
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** A request went out and failed: the caller's repeat through the S3Client is a retry. */
    private <T> T gaveUp() {
        if (counter != null) {
            counter.retried();
        }
        return null;
    }

    /** Signs and sends; sentAs maps lower-case header names to the case they are sent in. */
    private SmallHttp.Response send(RequestType type, String method, String bucket, String key,
                                    SortedMap<String, String> headers, Map<String, String> sentAs, byte[] body,
                                    int maxBody) throws IOException {
        String path = basePath + "/" + SdkHttpUtils.urlEncode(bucket) + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        headers.put("host", host);
        signer.sign(method, path, headers, Instant.now());
        StringBuilder head = new StringBuilder(1024).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(sentAs.getOrDefault(k, k)).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        if (counter != null) {
            counter.sent(type);
        }
        return http.exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, maxBody);
    }

    /**
     * The headers a copy carries over, decoded byte for byte (ISO-8859-1) as the SDK's Apache client
     * does; values outside ASCII then make {@link #put} hand the PUT to the S3Client.
     */
    private static ObjectMeta meta(Map<String, String> headers) {
        Map<String, String> user = new TreeMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().regionMatches(true, 0, META, 0, META.length())) {
                user.put(h.getKey().substring(META.length()), h.getValue());
            }
        }
        return new ObjectMeta(headers.get("Content-Type"), headers.get("Cache-Control"), headers.get("Content-Encoding"),
                headers.get("Content-Disposition"), headers.get("Content-Language"),
                headers.containsKey("Expires") ? instantOrNull(headers.get("Expires")) : null, user,
                tagCount(headers.get("x-amz-tagging-count")), Etags.opaqueEncryption(headers.get("x-amz-server-side-encryption"),
                headers.get("x-amz-server-side-encryption-customer-algorithm")), ObjectProtection.of(
                headers.get("x-amz-storage-class"), headers.get("x-amz-object-lock-mode"),
                isoInstantOrNull(headers.get("x-amz-object-lock-retain-until-date")),
                headers.get("x-amz-object-lock-legal-hold")));
    }

    private static int tagCount(String header) {
        try {
            return header == null ? 0 : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return 1; // unreadable: let the caller ask for the tags
        }
    }

    private static Instant instantOrNull(String rfc822) {
        try {
            return DateUtils.parseRfc822Date(rfc822);
        } catch (RuntimeException e) {
            return null; // an unparseable Expires is dropped, not fatal
        }
    }

    private static Instant isoInstantOrNull(String iso8601) {
        try {
            return iso8601 == null ? null : DateUtils.parseIso8601Date(iso8601);
        } catch (RuntimeException e) {
            return null; // unparseable: no retention to carry (a lock with a mode but no date is not carried)
        }
    }

    private static boolean plainAscii(ObjectMeta m) {
        StringBuilder all = new StringBuilder();
        for (String s : new String[] {m.contentType(), m.cacheControl(), m.contentEncoding(), m.contentDisposition(),
                m.contentLanguage()}) {
            if (s != null) {
                all.append(s);
            }
        }
        m.userMetadata().forEach((k, v) -> all.append(k).append(v));
        return all.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static void header(Map<String, String> h, String name, String value) {
        if (value != null) {
            h.put(name, value);
        }
    }
}

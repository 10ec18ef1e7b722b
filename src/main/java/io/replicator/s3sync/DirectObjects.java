package io.replicator.s3sync;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * GET and PUT of small whole objects through the SDK's own HTTP client and SigV4 signer, without
 * the S3Client's per-call pipeline. Why: for a bucket of small objects a copy is two requests of a
 * few KiB, and the S3Client spends about three times the CPU of the HTTP exchange itself on each
 * call (interceptors, marshalling, endpoint rules, metrics: profiled in bench/s3sync.sh); on a
 * small node that CPU, not the network, bounds the sync. Only the success path lives here: any
 * other status or an I/O error returns null, and the caller repeats the request through the
 * S3Client, which owns retries, backoff and error messages (the repeat is counted as a retry
 * here). Used
 * for path-style remotes with an explicit endpoint only; AWS's own endpoints keep the SDK's rules.
 */
final class DirectObjects {
    /** Objects up to this size are copied in memory through here. */
    static final int MAX_SIZE = 256 * 1024;
    private static final String META = "x-amz-meta-";

    /** A whole object read into memory, with the headers a copy carries over. */
    record Fetched(byte[] body, ObjectMeta meta) {
    }

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsIdentity identity;
    private final SdkHttpClient http;
    private final RequestCounter counter;
    private final Md5PayloadSigner signer = new Md5PayloadSigner();

    private DirectObjects(S3Remote remote, SdkHttpClient http, RequestCounter counter) {
        this.endpoint = remote.endpoint();
        this.region = remote.region();
        this.identity = AwsCredentialsIdentity.create(remote.accessKey(), remote.secretKey());
        this.http = http;
        this.counter = counter;
    }

    /** The direct path for this remote, or null where only the S3Client knows the way. */
    static DirectObjects forRemote(S3Remote remote, SdkHttpClient http, RequestCounter counter) {
        boolean fits = remote.endpoint() != null && remote.addressing() == S3Remote.Addressing.PATH
                && !remote.isAws();
        return fits ? new DirectObjects(remote, http, counter) : null;
    }

    /** GET If-Match etag; null when anything but a complete 200 of {@code size} bytes came back. */
    Fetched get(String bucket, String key, String quotedEtag, long size) {
        SdkHttpFullRequest.Builder b = request(SdkHttpMethod.GET, bucket, key);
        if (quotedEtag != null) {
            b.putHeader("If-Match", quotedEtag);
        }
        try {
            HttpExecuteResponse r = execute(RequestType.GET, b.build(), null);
            try (AbortableInputStream in = r.responseBody().orElse(null)) {
                if (r.httpResponse().statusCode() != 200 || in == null) {
                    abort(in);
                    return gaveUp();
                }
                byte[] body = in.readNBytes((int) size + 1);
                if (body.length != size) {
                    abort(in);
                    return gaveUp();
                }
                return new Fetched(body, meta(r.httpResponse()));
            }
        } catch (IOException | RuntimeException e) {
            return gaveUp();
        }
    }

    /** PUT with Content-MD5 (the server checks the body); the new ETag, or null. */
    String put(String bucket, String key, ObjectMeta meta, byte[] body, String md5Hex) {
        if (!plainAscii(meta)) {
            return null; // the SDK decides how such header values are encoded
        }
        SdkHttpFullRequest.Builder b = request(SdkHttpMethod.PUT, bucket, key)
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-MD5", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex)))
                .putHeader("Content-Type", meta.contentType() == null ? "application/octet-stream" : meta.contentType());
        header(b, "Cache-Control", meta.cacheControl());
        header(b, "Content-Encoding", meta.contentEncoding());
        header(b, "Content-Disposition", meta.contentDisposition());
        header(b, "Content-Language", meta.contentLanguage());
        header(b, "Expires", meta.expires() == null ? null : DateUtils.formatRfc822Date(meta.expires()));
        meta.userMetadata().forEach((k, v) -> b.putHeader(META + k, v));
        try {
            HttpExecuteResponse r = execute(RequestType.PUT, b.build(), ContentStreamProvider.fromByteArrayUnsafe(body));
            try (AbortableInputStream in = r.responseBody().orElse(null)) {
                Optional<String> etag = r.httpResponse().firstMatchingHeader("ETag");
                if (r.httpResponse().statusCode() != 200 || etag.isEmpty()) {
                    abort(in);
                    return gaveUp();
                }
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return etag.get();
            }
        } catch (IOException | RuntimeException e) {
            return gaveUp();
        }
    }

    /** A request went out and failed: the caller's repeat through the S3Client is a retry. */
    private <T> T gaveUp() {
        if (counter != null) {
            counter.retried();
        }
        return null;
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String bucket, String key) {
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        return SdkHttpFullRequest.builder().method(method).protocol(endpoint.getScheme()).host(endpoint.getHost())
                .port(endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80)
                .encodedPath(base + "/" + SdkHttpUtils.urlEncode(bucket) + "/"
                        + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
    }

    private HttpExecuteResponse execute(RequestType type, SdkHttpFullRequest request, ContentStreamProvider body)
            throws IOException {
        SignRequest.Builder<AwsCredentialsIdentity> sign = SignRequest.builder(identity).request(request)
                .payload(body)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
        var signed = signer.sign(sign.build());
        if (counter != null) {
            counter.sent(type);
        }
        return http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(body).build()).call();
    }

    private static ObjectMeta meta(SdkHttpResponse r) {
        Map<String, String> user = new TreeMap<>();
        for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
            if (h.getKey().regionMatches(true, 0, META, 0, META.length())) {
                user.put(h.getKey().substring(META.length()), String.join(",", h.getValue()));
            }
        }
        return new ObjectMeta(r.firstMatchingHeader("Content-Type").orElse(null),
                r.firstMatchingHeader("Cache-Control").orElse(null),
                r.firstMatchingHeader("Content-Encoding").orElse(null),
                r.firstMatchingHeader("Content-Disposition").orElse(null),
                r.firstMatchingHeader("Content-Language").orElse(null),
                r.firstMatchingHeader("Expires").map(DirectObjects::instantOrNull).orElse(null), user);
    }

    private static Instant instantOrNull(String rfc822) {
        try {
            return DateUtils.parseRfc822Date(rfc822);
        } catch (RuntimeException e) {
            return null; // an unparseable Expires is dropped, not fatal
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

    private static void header(SdkHttpFullRequest.Builder b, String name, String value) {
        if (value != null) {
            b.putHeader(name, value);
        }
    }

    private static void abort(AbortableInputStream in) {
        if (in != null) {
            in.abort();
        }
    }
}

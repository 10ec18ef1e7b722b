package io.replicator.s3sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The SDK's own signer ({@link AwsV4HttpSigner}, UNSIGNED-PAYLOAD, signed as https since the scheme
 * is not part of the signature) and the JDK's java.net.http client over HTTP/1.1.
 */
final class SdkSignedWire implements ObjectWire {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsIdentity identity;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http;

    SdkSignedWire(S3Remote remote) {
        this.endpoint = remote.endpoint();
        this.region = remote.region();
        this.identity = AwsCredentialsIdentity.create(remote.accessKey(), remote.secretKey());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response send(String method, String path, SortedMap<String, String> headers, Map<String, String> sentAs,
                         byte[] body, int maxBody) throws IOException {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol("https").host(endpoint.getHost()).port(port()).encodedPath(path);
        headers.forEach((k, v) -> {
            if (!k.equals("content-length")) { // the client sets it, and it may not be set by hand
                unsigned.putHeader(sentAs.getOrDefault(k, k), v);
            }
        });
        SignedRequest signed = signer.sign(SignRequest.builder(identity).request(unsigned.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false).build());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(RESPONSE_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // the client sends the same host:port itself
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> r = http.send(request.build(), info -> info.statusCode() == 200
                    && info.headers().firstValueAsLong("content-length").orElse(Long.MAX_VALUE) <= maxBody
                    ? HttpResponse.BodySubscribers.ofByteArray()
                    : HttpResponse.BodySubscribers.replacing(null));
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().map().forEach((k, v) -> h.put(k, String.join(",", v)));
            return new Response(r.statusCode(), h, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private int port() {
        return endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end once it is unreachable
    }
}

package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** The hand-rolled signer against the SDK's: same request, same clock, same Authorization header. */
class SigV4Test {
    private static final Instant NOW = Instant.parse("2026-11-21T23:59:58Z");

    @ParameterizedTest
    @ValueSource(strings = {"plain.bin", "dir/ünï cödé + spaces/file?.txt", "trailing/", "a//b/./c", "~tilde*star'(x)"})
    void signsLikeTheSdk(String key) {
        String path = "/base/" + SdkHttpUtils.urlEncode("my-bucket") + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        SortedMap<String, String> headers = new TreeMap<>(Map.of("host", "127.0.0.1:9000",
                "content-md5", "1B2M2Y8AsgTpgAmY7PhCfg==", "content-type", "text/plain", "content-length", "0",
                "x-amz-meta-note", "  two  spaces   inside ", "if-match", "\"abc\""));

        new SigV4("AKID", "secret/key+1", "eu-central-1").sign("PUT", path, headers, NOW);

        SdkHttpFullRequest.Builder sdk = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT).protocol("https")
                .host("127.0.0.1").port(9000).encodedPath(path);
        headers.forEach((k, v) -> {
            if (!k.equals("authorization") && !k.startsWith("x-amz-date") && !k.equals("x-amz-content-sha256")) {
                sdk.putHeader(k, v);
            }
        });
        SignedRequest signed = AwsV4HttpSigner.create().sign(SignRequest.builder(AwsCredentialsIdentity.create("AKID",
                        "secret/key+1")).request(sdk.build())
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false).build());

        assertThat(headers.get("x-amz-date")).isEqualTo("20261121T235958Z");
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo(signed.request().firstMatchingHeader(
                "x-amz-content-sha256").orElseThrow()).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(headers.get("authorization")).isEqualTo(signed.request().firstMatchingHeader("Authorization")
                .orElseThrow()).contains("Credential=AKID/20261121/eu-central-1/s3/aws4_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T23:59:59Z", "2026-11-22T00:00:01Z"})
    void theCachedDayKeyFollowsTheDate(String at) {
        SigV4 signer = new SigV4("AKID", "secret", "us-east-1");
        SortedMap<String, String> first = new TreeMap<>(Map.of("host", "h"));
        signer.sign("GET", "/b/k", first, NOW);
        SortedMap<String, String> later = new TreeMap<>(Map.of("host", "h"));
        signer.sign("GET", "/b/k", later, Instant.parse(at));
        SortedMap<String, String> fresh = new TreeMap<>(Map.of("host", "h"));
        new SigV4("AKID", "secret", "us-east-1").sign("GET", "/b/k", fresh, Instant.parse(at));

        assertThat(later.get("authorization")).isEqualTo(fresh.get("authorization"));
    }
}

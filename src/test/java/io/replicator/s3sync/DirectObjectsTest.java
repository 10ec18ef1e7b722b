package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3ProxyFixture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The lean GET/PUT path against a real S3Proxy: what it writes is what the SDK reads back (same
 * key encoding, same signature, same headers), and everything that is not a clean 200 comes back
 * as null, counted as a retry, for the S3Client to repeat.
 */
class DirectObjectsTest {
    private S3ProxyFixture s3;
    private FaultProxy proxy;
    private RequestCounter counter;
    private DirectObjects direct;
    private final String bucket = "direct-" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void start() throws Exception {
        s3 = S3ProxyFixture.shared();
        s3.createBucket(bucket);
        proxy = FaultProxy.start(s3.endpoint());
        counter = new RequestCounter();
        direct = DirectObjects.forRemote(s3.remoteVia(proxy, "direct"), counter);
    }

    @AfterEach
    void stop() {
        direct.close();
        proxy.close();
    }

    @Test
    void putWritesWhatTheSdkReadsBack() {
        byte[] body = "hello, direct".getBytes(StandardCharsets.UTF_8);
        String key = "dir/ünï cödé + spaces/file?.txt";
        ObjectMeta meta = new ObjectMeta("text/plain", "max-age=60", "identity", "attachment; filename=\"a.txt\"",
                "en", Instant.parse("2030-01-02T03:04:05Z"), Map.of("owner", "team-a", "mtime", "1700000000"));

        String etag = direct.put(bucket, key, meta, body, Md5.hex(body));

        assertThat(Etags.normalize(etag)).isEqualTo(Md5.hex(body));
        assertThat(s3.get(bucket, key)).isEqualTo(body);
        HeadObjectResponse h = s3.head(bucket, key);
        assertThat(h.contentType()).isEqualTo("text/plain");
        assertThat(h.cacheControl()).isEqualTo("max-age=60");
        assertThat(h.contentDisposition()).isEqualTo("attachment; filename=\"a.txt\"");
        assertThat(h.contentLanguage()).isEqualTo("en");
        assertThat(h.metadata()).containsEntry("owner", "team-a").containsEntry("mtime", "1700000000");
        assertThat(counter.count(RequestType.PUT)).isEqualTo(1);
        assertThat(proxy.count(S3Op.PUT)).isEqualTo(1);
        assertThat(counter.retries()).isZero();
    }

    @Test
    void getReturnsBodyAndTheHeadersACopyCarries() {
        byte[] body = new byte[5000];
        s3.put(bucket, "a b/ключ", body, b -> b.contentType("application/x-test").cacheControl("no-cache")
                .metadata(Map.of("k", "v")));
        String etag = Etags.quoted(Md5.hex(body));

        DirectObjects.Fetched f = direct.get(bucket, "a b/ключ", etag, body.length);

        assertThat(f.body()).isEqualTo(body);
        assertThat(f.meta().contentType()).isEqualTo("application/x-test");
        assertThat(f.meta().cacheControl()).isEqualTo("no-cache");
        assertThat(f.meta().userMetadata()).isEqualTo(Map.of("k", "v"));
        assertThat(counter.count(RequestType.GET)).isEqualTo(1);
    }

    @Test
    void anythingButACleanSuccessIsLeftToTheS3ClientAsARetry() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        s3.put(bucket, "k", body);

        assertThat(direct.get(bucket, "k", "\"00000000000000000000000000000000\"", 1)).as("If-Match fails").isNull();
        assertThat(direct.get(bucket, "missing", null, 1)).as("404").isNull();
        assertThat(direct.put(bucket, "k", ObjectMeta.NONE, body, Md5.hex(new byte[1]))).as("BadDigest").isNull();
        proxy.inject(FaultProxy.op(S3Op.GET), FaultProxy.Fault.SLOW_DOWN_503, 1);
        assertThat(direct.get(bucket, "k", null, 1)).as("503").isNull();
        proxy.inject(FaultProxy.op(S3Op.PUT), FaultProxy.Fault.RESET_BEFORE_RESPONSE, 1);
        assertThat(direct.put(bucket, "k2", ObjectMeta.NONE, body, Md5.hex(body))).as("reset").isNull();

        assertThat(counter.retries()).isEqualTo(5);
        assertThat(s3.get(bucket, "k")).isEqualTo(body);
        assertThat(direct.get(bucket, "k", null, 1).body()).as("the pool still works").isEqualTo(body);
    }

    @Test
    void headerValuesOutsidePrintableAsciiAreNotSentHere() {
        ObjectMeta meta = new ObjectMeta(null, null, null, null, null, null, Map.of("note", "café"));

        assertThat(direct.put(bucket, "k", meta, new byte[1], Md5.hex(new byte[1]))).isNull();

        assertThat(proxy.total()).isZero();
        assertThat(counter.retries()).isZero();
    }

    @Test
    void onlyPathStyleRemotesWithTheirOwnEndpointAndNoProxyGetTheDirectPath() {
        URI ep = URI.create("http://127.0.0.1:9000");
        try (DirectObjects d = DirectObjects.forRemote(S3Remote.of("p", ep, "a", "b"), null)) {
            assertThat(d).isNotNull();
        }
        assertThat(DirectObjects.forRemote(new S3Remote("v", ep, null, S3Remote.Addressing.VIRTUAL_HOST, "a", "b"),
                null)).isNull();
        assertThat(DirectObjects.forRemote(new S3Remote("aws", null, "eu-west-1", null, "a", "b"), null)).isNull();
        System.setProperty("http.proxyHost", "proxy.example"); // the S3Client follows it; the direct path cannot
        try {
            assertThat(DirectObjects.forRemote(S3Remote.of("p", ep, "a", "b"), null)).isNull();
        } finally {
            System.clearProperty("http.proxyHost");
        }
    }
}

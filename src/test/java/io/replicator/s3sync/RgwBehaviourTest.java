package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.testing.CephRgw;
import io.replicator.testing.RgwRequestLog;
import io.replicator.testing.RgwUser;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What Ceph RGW 16 (Debian's 16.2) does where it differs from S3 or S3Proxy, asserted against the
 * real server with the SDK and the server's own log. The bucket sync has to live with each of these;
 * if a Ceph upgrade changes one, this test says which.
 */
class RgwBehaviourTest {
    private static final int MIB = 1024 * 1024;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private RgwUser rgw;
    private String bucket;

    @BeforeEach
    void bucket() throws Exception {
        rgw = CephRgw.sharedUser();
        bucket = "behaviour-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        rgw.createBucket(bucket);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A multipart upload with parts of {@code partSize}; returns CompleteMultipartUpload's ETag as sent. */
    private String completeMultipart(String key, byte[] data, int partSize) {
        S3Client c = rgw.client();
        String id = c.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int off = 0, n = 1; off < data.length; off += partSize, n++) {
            int pn = n;
            byte[] part = Arrays.copyOfRange(data, off, Math.min(data.length, off + partSize));
            String etag = c.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(pn),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(pn).eTag(etag).build());
        }
        return c.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();
    }

    @Test
    void completeMultipartUploadAnswersAnEmptyEtagWhileTheObjectHasAMultipartOne() {
        String answered = completeMultipart("mp.bin", random(11 * MIB, 1), 5 * MIB);

        assertThat(S3TestServer.unquote(answered)).isEmpty();
        assertThat(S3TestServer.unquote(rgw.head(bucket, "mp.bin").eTag())).matches("[0-9a-f]{32}-3");
        assertThat(rgw.list(bucket).get("mp.bin").etag()).matches("[0-9a-f]{32}-3");
    }

    @Test
    void partNumberOnHeadAndGetIsIgnored() {
        byte[] data = random(11 * MIB, 2);
        rgw.putMultipart(bucket, "mp.bin", data, 5 * MIB);

        HeadObjectResponse part1 = rgw.client().headObject(b -> b.bucket(bucket).key("mp.bin").partNumber(1));
        // S3 answers part 1's length (5 MiB) and x-amz-mp-parts-count: 3
        assertThat(part1.contentLength()).isEqualTo(data.length);
        assertThat(part1.partsCount()).isNull();
        byte[] got = rgw.client().getObjectAsBytes(b -> b.bucket(bucket).key("mp.bin").partNumber(2)).asByteArray();
        assertThat(got).isEqualTo(data);
    }

    @Test
    void copySourceIfMatchIsIgnoredOnlyTheNonStandardHeaderIsHonoured() {
        rgw.put(bucket, "src", "v1".getBytes(StandardCharsets.UTF_8));
        String wrong = "\"00000000000000000000000000000000\"";

        // S3 answers 412 PreconditionFailed; RGW 16 copies
        rgw.client().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("copied").copySourceIfMatch(wrong));
        assertThat(rgw.get(bucket, "copied")).isEqualTo("v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> rgw.client().copyObject(b -> b.sourceBucket(bucket).sourceKey("src")
                .destinationBucket(bucket).destinationKey("refused")
                .overrideConfiguration(o -> o.putHeader("x-amz-copy-if-match", wrong))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(rgw.list(bucket)).doesNotContainKey("refused");
    }

    @Test
    void anAwsChunkedUploadOverHttpIsStoredWithContentEncodingAwsChunked() {
        // The SDK's defaults over http without the newer checksum trailers (RGW 16 refuses those):
        // the payload is signed in chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD, Content-Encoding: aws-chunked)
        try (S3Client defaults = S3Client.builder().region(Region.US_EAST_1).endpointOverride(rgw.endpoint())
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(rgw.accessKey(), rgw.secretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build()) {
            byte[] data = random(300 * 1024, 3);
            defaults.putObject(b -> b.bucket(bucket).key("chunked"), RequestBody.fromBytes(data));

            HeadObjectResponse head = rgw.head(bucket, "chunked");
            assertThat(head.contentEncoding()).isEqualTo("aws-chunked");
            assertThat(head.contentLength()).isEqualTo(data.length);
            assertThat(rgw.get(bucket, "chunked")).isEqualTo(data); // the bytes themselves are decoded

            // and an empty body sent that way is refused (XAmzContentSHA256Mismatch)
            assertThatThrownBy(() -> defaults.putObject(b -> b.bucket(bucket).key("empty"), RequestBody.empty()))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("XAmzContentSHA256Mismatch");
                    });
        }
    }

    @Test
    void copyObjectKeepsTheMultipartEtagAndTheTags() {
        rgw.putMultipart(bucket, "mp.bin", random(11 * MIB, 4), 5 * MIB);
        rgw.client().putObjectTagging(b -> b.bucket(bucket).key("mp.bin")
                .tagging(t -> t.tagSet(Tag.builder().key("team").value("a").build())));
        String etag = rgw.list(bucket).get("mp.bin").etag();

        rgw.client().copyObject(b -> b.sourceBucket(bucket).sourceKey("mp.bin").destinationBucket(bucket)
                .destinationKey("copy.bin"));

        assertThat(rgw.list(bucket).get("copy.bin").etag()).isEqualTo(etag).endsWith("-3");
        assertThat(rgw.client().getObjectTagging(b -> b.bucket(bucket).key("copy.bin")).tagSet())
                .containsExactly(Tag.builder().key("team").value("a").build());
    }

    @Test
    void errorBodiesCarryACodeAndAnEmptyMessage() {
        assertThatThrownBy(() -> rgw.get(bucket, "absent"))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                    assertThat(e.awsErrorDetails().errorMessage()).isNullOrEmpty();
                    String body = e.awsErrorDetails().rawResponse().asUtf8String();
                    assertThat(body).contains("<Code>NoSuchKey</Code>", "<Message></Message>");
                });
    }

    @Test
    void listingsAreInUtf8ByteOrder() {
        rgw.put(bucket, "x\uD83D\uDE00", "emoji".getBytes(StandardCharsets.UTF_8)); // F0 9F 98 80 / D83D DE00
        rgw.put(bucket, "x\uFFFD", "bmp".getBytes(StandardCharsets.UTF_8));         // EF BF BD / FFFD
        rgw.put(bucket, "x~", "ascii".getBytes(StandardCharsets.UTF_8));

        // UTF-16 code units would put the emoji (a surrogate pair, D83D) before U+FFFD
        assertThat(rgw.list(bucket).keySet()).containsExactly("x~", "x\uFFFD", "x\uD83D\uDE00");
    }

    @Test
    void aControlCharacterInAKeyBreaksPlainListingsButNotUrlEncodedOnes() {
        String key = "ctl\u0001key";
        rgw.put(bucket, key, "c".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> rgw.client().listObjectsV2(b -> b.bucket(bucket)))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Could not parse XML response");
        List<String> keys = rgw.client().listObjectsV2(b -> b.bucket(bucket).encodingType(EncodingType.URL))
                .contents().stream().map(S3Object::key).toList();
        assertThat(keys).containsExactly(key); // the SDK decodes URL-encoded keys
    }

    @Test
    void theRequestLogCountsEveryRequestByOperation() throws Exception {
        RgwRequestLog log = rgw.cluster().requestLog();
        long mark = log.mark();

        rgw.put(bucket, "a", "a".getBytes(StandardCharsets.UTF_8));
        rgw.client().copyObject(b -> b.sourceBucket(bucket).sourceKey("a").destinationBucket(bucket).destinationKey("b"));
        rgw.head(bucket, "b");
        rgw.get(bucket, "b");
        rgw.putMultipart(bucket, "mp", random(6 * MIB, 5), 5 * MIB); // its empty ETag costs a HEAD
        S3Client c = rgw.client();
        String id = c.createMultipartUpload(b -> b.bucket(bucket).key("mc")).uploadId();
        String part = c.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("mp").destinationBucket(bucket)
                .destinationKey("mc").uploadId(id).partNumber(1)).copyPartResult().eTag();
        c.completeMultipartUpload(b -> b.bucket(bucket).key("mc").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build())));
        rgw.list(bucket);
        rgw.client().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(o -> o.key("a"), o -> o.key("b"))));

        assertThat(log.countsSince(mark)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(S3Op.PUT, 1L,
                S3Op.COPY, 1L, S3Op.HEAD, 2L, S3Op.GET, 1L, S3Op.CREATE_MULTIPART, 2L, S3Op.UPLOAD_PART, 2L,
                S3Op.UPLOAD_PART_COPY, 1L, S3Op.COMPLETE_MULTIPART, 2L, S3Op.LIST, 1L, S3Op.DELETE_OBJECTS, 1L));
        assertThat(log.since(mark)).allMatch(s -> s.user().equals(rgw.uid()));
    }
}

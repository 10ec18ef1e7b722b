package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.S3Op;
import io.replicator.testing.S3TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Metadata, multipart layouts, unusual keys, server-side vs streamed copies. */
abstract class SyncFidelityContract extends S3ContractBase {
    protected SyncFidelityContract(ContractServers servers) {
        super(servers);
    }

    private static final int MIB = 1024 * 1024;
    private static final Instant EXPIRES = Instant.parse("2031-01-02T03:04:05Z");

    /**
     * Whether the server takes a raw UTF-8 user-metadata value from the SDK. RGW 16 answers such a
     * PUT 403 (its signature check disagrees); S3 itself allows only US-ASCII there, clients send
     * others RFC 2047 encoded, which is what such servers get instead.
     */
    private boolean acceptsRawUtf8Metadata() {
        return servers().rawUtf8Metadata();
    }

    /** Whether the server stores object tags (S3Proxy answers 501). */
    private boolean supportsTagging() {
        return servers().tagging();
    }

    /**
     * Keys beyond the BMP: RGW and MinIO list in UTF-8 byte order as S3 does, S3Proxy in UTF-16 order,
     * and the two orders disagree on "x\uFFFD" and "x😀". A run configured with the order the server
     * does not list in stops before it plans a delete; with the server's order it syncs.
     */
    @Test
    void keysBeyondTheBmpSyncInTheServersKeyOrderAndTheOtherOrderStopsTheRun() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "x\uFFFD", bytes("bmp"));
        server().put(src, "x\uD83D\uDE00", bytes("emoji"));
        server().put(dst, "x\uD83D\uDE01", bytes("extra"));
        KeyOrder right = servers().listingOrder();
        KeyOrder wrong = right == KeyOrder.UTF8_BINARY ? KeyOrder.UTF16_CODE_UNITS : KeyOrder.UTF8_BINARY;

        SyncReport stopped = BucketSync.run(job(src, dst), opts().withKeyOrder(wrong));
        assertThat(stopped.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(stopped.errors()).anyMatch(e -> e.contains("is not in " + wrong + " key order"));
        assertThat(list(dst)).containsKey("x\uD83D\uDE01");

        SyncReport r = BucketSync.run(job(src, dst), opts().withKeyOrder(right));
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.deleted().objects()).isEqualTo(1);
        assertThat(list(dst)).isEqualTo(list(src));
    }

    private String sourceWithMetadata() throws Exception {
        String src = bucket("src");
        String custom = acceptsRawUtf8Metadata() ? "Grüße" : "=?UTF-8?B?R3LDvMOfZQ==?=";
        server().put(src, "doc.html", bytes("<p>hello</p>"), b -> b.contentType("text/html")
                .cacheControl("max-age=60").contentDisposition("attachment; filename=\"doc.html\"")
                .contentEncoding("identity").contentLanguage("de-CH").expires(EXPIRES)
                .metadata(Map.of("owner", "team-a", "x-custom", custom)));
        return src;
    }

    private static void assertSameMetadata(HeadObjectResponse a, HeadObjectResponse b) {
        assertThat(b.contentType()).isEqualTo(a.contentType()).isEqualTo("text/html");
        assertThat(b.cacheControl()).isEqualTo(a.cacheControl()).isEqualTo("max-age=60");
        assertThat(b.contentDisposition()).isEqualTo(a.contentDisposition());
        assertThat(b.contentEncoding()).isEqualTo(a.contentEncoding());
        assertThat(b.contentLanguage()).isEqualTo(a.contentLanguage()).isEqualTo("de-CH");
        assertThat(b.metadata()).isEqualTo(a.metadata()).containsEntry("owner", "team-a");
        assertThat(b.eTag()).isEqualTo(a.eTag());
    }

    @Test
    void sameEndpointCopiesServerSideWithMetadata() throws Exception {
        String src = sourceWithMetadata();
        String dst = bucket("dst");
        SyncReport r = BucketSync.run(job(src, dst), opts());
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.count(S3Op.COPY)).isEqualTo(1);
        assertThat(proxy.count(S3Op.GET) + proxy.count(S3Op.PUT)).isZero();
        assertSameMetadata(server().head(src, "doc.html"), server().head(dst, "doc.html"));
    }

    @Test
    void otherEndpointStreamsWithMetadata() throws Exception {
        String src = sourceWithMetadata();
        String dst = secondBucket("dst");
        SyncReport r = BucketSync.run(crossJob(src, dst), opts());
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.count(S3Op.GET)).isEqualTo(1);
        assertThat(proxy.count(S3Op.HEAD) + proxy.count(S3Op.COPY)).isZero();
        assertThat(proxy2.count(S3Op.PUT)).isEqualTo(1);
        HeadObjectResponse copied = secondServer().head(dst, "doc.html");
        assertSameMetadata(server().head(src, "doc.html"), copied);
        assertThat(copied.expires()).isEqualTo(server().head(src, "doc.html").expires());
    }

    @Test
    void multipartObjectsKeepTheirEtagSoReRunsNeedNoReads() throws Exception {
        String src = bucket("src");
        byte[] data = random(11 * MIB + 123, 7);
        String etag = server().putMultipart(src, "big.bin", data, 5 * MIB);
        server().putMultipart(src, "eight.bin", random(17 * MIB, 8), 8 * MIB);
        assertThat(etag).endsWith("-3");
        for (boolean sameEndpoint : new boolean[] {true, false}) {
            String dst = sameEndpoint ? bucket("dst") : secondBucket("dst");
            S3TestServer dstServer = sameEndpoint ? server() : secondServer();
            BucketJob job = sameEndpoint ? job(src, dst) : crossJob(src, dst);
            SyncReport first = BucketSync.run(job, opts());
            assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(dstServer.list(dst)).isEqualTo(list(src));
            assertThat(dstServer.get(dst, "big.bin")).isEqualTo(data);
            assertThat(dstServer.head(dst, "big.bin").contentType()).isEqualTo("application/x-test");
            assertThat(first.requestCount(sameEndpoint ? RequestType.UPLOAD_PART_COPY : RequestType.UPLOAD_PART))
                    .isEqualTo(3 + 3);

            proxy.resetCounts();
            proxy2.resetCounts();
            SyncReport again = BucketSync.run(job, opts());
            assertThat(again.skipped().objects()).isEqualTo(2);
            assertThat(again.unproven() + again.recordedEqual()).isZero();
            assertThat(proxy.count(S3Op.GET) + proxy.count(S3Op.HEAD) + proxy2.count(S3Op.GET)
                    + proxy2.count(S3Op.HEAD)).isZero();
        }
    }

    /** Issue 12: UploadPart went out aws-chunked over http; RGW then stored Content-Encoding: aws-chunked. */
    @Test
    void streamedPartsGoOutPlainAndTheCopyGainsNoContentEncoding() throws Exception {
        String src = bucket("src");
        byte[] data = random(11 * MIB, 21);
        server().putMultipart(src, "parts.bin", data, 5 * MIB);
        String dst = secondBucket("dst");
        List<String> chunked = chunkedUploads(proxy2);
        SyncReport r = BucketSync.run(crossJob(src, dst), opts());
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy2.count(S3Op.UPLOAD_PART)).isEqualTo(3);
        assertThat(chunked).isEmpty();
        assertThat(secondServer().head(dst, "parts.bin").contentEncoding())
                .isEqualTo(server().head(src, "parts.bin").contentEncoding());
        assertThat(secondServer().get(dst, "parts.bin")).isEqualTo(data);
        assertThat(secondServer().list(dst)).isEqualTo(list(src));
    }

    @Test
    void anUnguessablePartLayoutIsRecordedInTheSyncStateAndNotCopiedAgain() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().putMultipart(src, "odd.bin", random(12 * MIB, 9), 6 * MIB); // 6 MiB parts: no uploader default
        SyncReport first = BucketSync.run(job(src, dst), opts());
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(server().get(dst, "odd.bin")).isEqualTo(random(12 * MIB, 9));

        proxy.resetCounts();
        SyncReport again = BucketSync.run(job(src, dst), opts());
        assertThat(again.copied().objects() + again.updated().objects()).isZero();
        assertThat(again.unproven()).isZero();
        assertThat(proxy.count(S3Op.HEAD)).isZero();
        if (list(dst).get("odd.bin").etag().equals(list(src).get("odd.bin").etag())) {
            assertThat(again.recordedEqual()).isZero(); // the server told us the part size (HEAD partNumber)
        } else {
            assertThat(first.notes()).anyMatch(n -> n.contains("odd.bin: the source's part layout (2 parts)"));
            assertThat(again.recordedEqual()).isEqualTo(1);
            assertThat(proxy.count(S3Op.GET)).isEqualTo(1); // the sync state, nothing else
        }
    }

    /** Issue 12: a 6+5+2 MiB source got 4,543,830-byte guessed parts: EntityTooSmall on every run. */
    @Test
    void aLayoutWithUnevenPartsIsCopiedAndNotCopiedAgain() throws Exception {
        String src = bucket("src");
        byte[] data = random(13 * MIB, 41);
        assertThat(server().putMultipart(src, "uneven.bin", data, 6L * MIB, 5L * MIB, 2L * MIB)).endsWith("-3");
        for (boolean cross : new boolean[] {false, true}) {
            String dst = cross ? secondBucket("dst") : bucket("dst");
            S3TestServer dstServer = cross ? secondServer() : server();
            BucketJob job = cross ? crossJob(src, dst) : job(src, dst);
            SyncReport first = BucketSync.run(job, opts());
            assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(dstServer.get(dst, "uneven.bin")).isEqualTo(data);
            SyncReport again = BucketSync.run(job, opts());
            assertThat(again.result()).as(again.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(again.copied().objects() + again.updated().objects()).isZero();
        }
    }

    /**
     * Issue 12: listed without encoding-type=url, one key with U+0001 failed the whole bucket. One
     * page only: S3Proxy 4.1.0 puts the last key raw into NextContinuationToken, even URL-encoded.
     */
    @Test
    void keysWithControlCharactersAreListedAndCopied() throws Exception {
        String src = bucket("src");
        List<String> keys = List.of("ctl\u0001one", "tab\tand\u001fus", "plain", "a+b c%2F");
        for (String k : keys) {
            server().put(src, k, bytes("v:" + k));
        }
        for (boolean cross : new boolean[] {false, true}) {
            String dst = cross ? secondBucket("dst") : bucket("dst");
            S3TestServer dstServer = cross ? secondServer() : server();
            BucketJob job = cross ? crossJob(src, dst) : job(src, dst);
            SyncReport r = BucketSync.run(job, opts());
            assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(dstServer.list(dst)).isEqualTo(list(src)).containsKeys(keys.toArray(String[]::new));
            assertThat(dstServer.get(dst, "ctl\u0001one")).isEqualTo(bytes("v:ctl\u0001one"));
            SyncReport again = BucketSync.run(job, opts());
            assertThat(again.skipped().objects()).isEqualTo(keys.size());
        }
    }

    private Map<String, String> tags(S3TestServer s, String bucket, String key) {
        Map<String, String> m = new java.util.TreeMap<>();
        s.client().getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    /**
     * Issue 12: only a single CopyObject carried tags; server-side multipart copies and every
     * streamed path dropped them. A server without tagging is reported once per run.
     */
    @Test
    void tagsAreCarriedOnEveryCopyPath() throws Exception {
        String src = bucket("src");
        Map<String, String> small = Map.of("team", "a b", "env", "prod");
        List<String> keys = List.of("small.txt", "streamed.bin", "parts.bin", "parts-too.bin");
        if (!supportsTagging()) {
            server().putMultipart(src, "parts.bin", random(11 * MIB, 51), 5 * MIB);
            server().putMultipart(src, "parts-too.bin", random(11 * MIB, 52), 5 * MIB);
            SyncReport r = BucketSync.run(crossJob(src, secondBucket("dst")), opts());
            assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(r.notes()).filteredOn(n -> n.contains("does not support object tagging")).hasSize(1);
            return;
        }
        server().put(src, "small.txt", bytes("small"), b -> b.tagging("team=a%20b&env=prod"));
        server().put(src, "streamed.bin", random(300 * 1024, 53), b -> b.tagging("k=v"));
        server().putMultipart(src, "parts.bin", random(11 * MIB, 54), 5 * MIB);
        server().client().putObjectTagging(b -> b.bucket(src).key("parts.bin")
                .tagging(t -> t.tagSet(software.amazon.awssdk.services.s3.model.Tag.builder().key("mp").value("1").build())));
        server().putMultipart(src, "parts-too.bin", random(11 * MIB, 55), 5 * MIB); // no tags
        for (boolean cross : new boolean[] {false, true}) {
            String dst = cross ? secondBucket("dst") : bucket("dst");
            S3TestServer dstServer = cross ? secondServer() : server();
            SyncReport r = BucketSync.run(cross ? crossJob(src, dst) : job(src, dst), opts());
            assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(tags(dstServer, dst, "small.txt")).isEqualTo(small);
            for (String k : keys) {
                assertThat(tags(dstServer, dst, k)).as(k).isEqualTo(tags(server(), src, k));
            }
        }
    }

    @Test
    void unusualKeysAreMirroredByteExact() throws Exception {
        String src = bucket("src");
        List<String> keys = List.of("with space.txt", "é/ß/ü.txt", "日本語/ファイル.txt", "emoji 😀.txt", "folder/",
                "folder/inner/", "empty", "plus+sign&amp=x", "percent%20literal", "trailing space ");
        for (String k : keys) {
            server().put(src, k, k.endsWith("/") || k.equals("empty") ? new byte[0] : bytes("v:" + k));
        }
        for (boolean cross : new boolean[] {false, true}) {
            String dst = cross ? secondBucket("dst") : bucket("dst");
            S3TestServer dstServer = cross ? secondServer() : server();
            SyncReport r = BucketSync.run(cross ? crossJob(src, dst) : job(src, dst), opts().withListPageSize(3));
            assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
            assertThat(dstServer.list(dst)).isEqualTo(list(src));
            assertThat(dstServer.get(dst, "emoji 😀.txt")).isEqualTo(bytes("v:emoji 😀.txt"));
            SyncReport again = BucketSync.run(cross ? crossJob(src, dst) : job(src, dst), opts());
            assertThat(again.skipped().objects()).isEqualTo(keys.size());
        }
    }
}

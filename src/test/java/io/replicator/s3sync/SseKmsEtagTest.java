package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 12: the 32-hex ETag of an SSE-KMS object is not its MD5, yet it was sent as Content-MD5
 * (BadDigest). Reproduced on S3Proxy: the source's answers are made to look like SSE-KMS (the
 * encryption header added to every response, the listed ETag an opaque 32-hex value, which the
 * server's If-Match would refuse, so that header is dropped before signing). The copy must succeed
 * and never send that ETag as Content-MD5.
 */
class SseKmsEtagTest {
    private static final String OPAQUE = "0123456789abcdef0123456789abcdef";

    private static final ExecutionInterceptor LOOKS_LIKE_SSE_KMS = new ExecutionInterceptor() {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("If-Match").build();
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return context.httpResponse().toBuilder().putHeader("x-amz-server-side-encryption", "aws:kms").build();
        }
    };

    private final List<S3Client> clients = new ArrayList<>();
    private final List<FaultProxy> proxies = new ArrayList<>();
    private final ExecutorService parts = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        clients.forEach(S3Client::close);
        proxies.forEach(FaultProxy::close);
        parts.shutdownNow();
    }

    private S3Store store(S3TestServer s, String bucket, List<ExecutionInterceptor> interceptors) throws Exception {
        FaultProxy p = FaultProxy.start(s.endpoint());
        proxies.add(p);
        S3Remote remote = s.remoteVia(p, "r" + proxies.size());
        S3Client c = S3ClientFactory.create(remote, S3ClientFactory.ClientSettings.DEFAULT, interceptors);
        clients.add(c);
        return new S3Store(new BucketRef(remote, bucket), c, null);
    }

    @Test
    void anSseKmsEtagIsNeverSentAsContentMd5() throws Exception {
        S3TestServer src = S3ProxyFixture.shared();
        S3TestServer dst = S3ProxyFixture.sharedOther();
        String srcBucket = "kms-src-" + Long.toHexString(System.nanoTime());
        String dstBucket = "kms-dst-" + Long.toHexString(System.nanoTime());
        src.createBucket(srcBucket);
        dst.createBucket(dstBucket);
        byte[] small = new byte[4096];
        byte[] large = new byte[300 * 1024];
        new Random(1).nextBytes(small);
        new Random(2).nextBytes(large);
        src.put(srcBucket, "small.bin", small);
        src.put(srcBucket, "large.bin", large);

        S3Store from = store(src, srcBucket, List.of(LOOKS_LIKE_SSE_KMS));
        S3Store to = store(dst, dstBucket, List.of());
        List<String> contentMd5 = new CopyOnWriteArrayList<>();
        proxies.get(1).onRequest(r -> {
            if (r.op() == S3Op.PUT && r.headers().containsKey("content-md5")) {
                contentMd5.add(r.headers().get("content-md5"));
            }
        });
        RunTotals totals = new RunTotals(SyncOptions.defaults(), SyncListener.NONE);
        ObjectCopier copier = new ObjectCopier(from, to, SyncOptions.defaults(), parts, totals);
        copier.copy(new ObjectEntry("small.bin", small.length, OPAQUE, null));
        copier.copy(new ObjectEntry("large.bin", large.length, OPAQUE, null));

        assertThat(dst.get(dstBucket, "small.bin")).isEqualTo(small);
        assertThat(dst.get(dstBucket, "large.bin")).isEqualTo(large);
        String opaqueBase64 = java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(OPAQUE));
        assertThat(contentMd5).doesNotContain(opaqueBase64);
    }

    @Test
    void encryptedEtagsAreToldApartFromMd5s() {
        assertThat(Etags.isMd5OfContent(OPAQUE, null, null)).isTrue();
        assertThat(Etags.isMd5OfContent(OPAQUE, "AES256", null)).isTrue(); // SSE-S3 keeps MD5 ETags
        assertThat(Etags.isMd5OfContent(OPAQUE, "aws:kms", null)).isFalse();
        assertThat(Etags.isMd5OfContent(OPAQUE, "aws:kms:dsse", null)).isFalse();
        assertThat(Etags.isMd5OfContent(OPAQUE, null, "AES256")).isFalse(); // SSE-C
    }
}

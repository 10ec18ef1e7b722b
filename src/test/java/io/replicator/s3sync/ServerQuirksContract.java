package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3TestServer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;

/**
 * Two behaviours of Ceph RGW 16 (issue 12) the copier must live with: CompleteMultipartUpload
 * answering an empty ETag, and x-amz-copy-source-if-match being ignored. Run against RGW itself and
 * against S3Proxy, where the client's own interceptors reproduce them ({@link #EMPTY_COMPLETE_ETAG},
 * {@link #NO_COPY_SOURCE_IF_MATCH}: the header is dropped before the request is signed). The copier
 * under test is the real one; requests are counted server-side by a FaultProxy.
 */
abstract class ServerQuirksContract {
    private static final int MIB = 1024 * 1024;
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** RGW: CompleteMultipartUpload may answer {@code <ETag></ETag>}. */
    static final ExecutionInterceptor EMPTY_COMPLETE_ETAG = new ExecutionInterceptor() {
        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            return context.response() instanceof CompleteMultipartUploadResponse r ? r.toBuilder().eTag("").build()
                    : context.response();
        }
    };

    /** RGW 16: x-amz-copy-source-if-match has no effect (removed here before signing). */
    static final ExecutionInterceptor NO_COPY_SOURCE_IF_MATCH = new ExecutionInterceptor() {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("x-amz-copy-source-if-match").build();
        }
    };

    /** The server under test and another endpoint with other credentials. */
    private S3TestServer server;
    private S3TestServer other;

    private final ContractServers servers;

    protected ServerQuirksContract(ContractServers servers) {
        this.servers = servers;
    }


    /** What the client adds to reproduce a quirk the server does not have itself (NONE on RGW). */
    protected abstract ExecutionInterceptor emptyCompleteEtag();

    protected abstract ExecutionInterceptor noCopySourceIfMatch();

    /** Adds nothing: the server has the quirk itself. */
    static final ExecutionInterceptor NONE = new ExecutionInterceptor() {
    };
    private FaultProxy proxy;
    private FaultProxy proxy2;
    private final ExecutorService parts = Executors.newSingleThreadExecutor();
    private final List<S3Client> clients = new java.util.ArrayList<>();
    private RunTotals totals;

    @BeforeEach
    void start() throws Exception {
        server = servers.server();
        other = servers.secondServer();
        proxy = FaultProxy.start(server.endpoint());
        proxy2 = FaultProxy.start(other.endpoint());
        totals = new RunTotals(SyncOptions.defaults(), SyncListener.NONE);
    }

    @AfterEach
    void stop() {
        clients.forEach(S3Client::close);
        parts.shutdownNow();
        proxy.close();
        proxy2.close();
    }

    private String bucket(S3TestServer s) {
        String name = "quirk-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        s.createBucket(name);
        return name;
    }

    private S3Store store(S3TestServer s, FaultProxy via, String bucket, ExecutionInterceptor quirk) {
        S3Remote remote = s.remoteVia(via, "quirky");
        S3Client c = S3ClientFactory.create(remote, S3ClientFactory.ClientSettings.DEFAULT, List.of(quirk));
        clients.add(c);
        return new S3Store(new BucketRef(remote, bucket), c, null);
    }

    private ObjectEntry listed(S3TestServer s, String bucket, String key) {
        S3TestServer.Listed l = s.list(bucket).get(key);
        return new ObjectEntry(key, l.size(), l.etag(), null);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void anEmptyCompleteEtagIsAskedForOnceNotTakenForAWrongLayout() throws Exception {
        String src = bucket(server);
        server.putMultipart(src, "big.bin", random(11 * MIB, 1), 5 * MIB);
        ObjectEntry e = listed(server, src, "big.bin");

        // same endpoint: UploadPartCopy; other endpoint: GET -> UploadPart
        String dst = bucket(server);
        S3Store same = store(server, proxy, dst, emptyCompleteEtag());
        new ObjectCopier(store(server, proxy, src, emptyCompleteEtag()), same, SyncOptions.defaults(), parts, totals)
                .copy(e);
        assertThat(proxy.count(S3Op.UPLOAD_PART_COPY)).isEqualTo(3);
        assertThat(proxy.count(S3Op.COPY) + proxy.count(S3Op.PUT)).isZero();
        assertThat(server.list(dst).get("big.bin").etag()).isEqualTo(e.etag());

        String dst2 = bucket(other);
        new ObjectCopier(store(server, proxy, src, emptyCompleteEtag()), store(other, proxy2, dst2, emptyCompleteEtag()),
                SyncOptions.defaults(), parts, totals).copy(e);
        assertThat(proxy2.count(S3Op.UPLOAD_PART)).isEqualTo(3);
        assertThat(proxy2.count(S3Op.PUT) + proxy2.count(S3Op.CREATE_MULTIPART)).isEqualTo(1);
        assertThat(other.list(dst2).get("big.bin").etag()).isEqualTo(e.etag());
        assertThat(totals.report("t", SyncReport.Result.OK, 1, 1, new RequestCounter()).notes())
                .noneMatch(n -> n.contains("part layout") || n.contains("differs"));
    }

    @Test
    void aSourceChangedDuringAServerSideMultipartCopyFailsTheObject() throws Exception {
        String src = bucket(server);
        server.putMultipart(src, "big.bin", random(11 * MIB, 2), 5 * MIB);
        ObjectEntry e = listed(server, src, "big.bin");
        AtomicInteger partCopies = new AtomicInteger();
        proxy.onRequest(r -> {
            if (r.op() == S3Op.UPLOAD_PART_COPY && partCopies.incrementAndGet() == 2) {
                server.put(src, "big.bin", random(11 * MIB, 3)); // same size, other bytes, after part 1
            }
        });
        String dst = bucket(server);
        ObjectCopier copier = new ObjectCopier(store(server, proxy, src, noCopySourceIfMatch()),
                store(server, proxy, dst, noCopySourceIfMatch()), SyncOptions.defaults(), parts, totals);
        assertThatThrownBy(() -> copier.copy(e)).hasMessageContaining("changed during the server-side copy");
        assertThat(proxy.count(S3Op.UPLOAD_PART_COPY)).isEqualTo(3); // no second layout, no fallback copy
    }

    @Test
    void aSourceChangedBeforeAServerSideCopyFailsTheObject() throws Exception {
        String src = bucket(server);
        server.put(src, "doc.txt", "listed version".getBytes());
        ObjectEntry e = listed(server, src, "doc.txt");
        server.put(src, "doc.txt", "newer version".getBytes());
        String dst = bucket(server);
        ObjectCopier copier = new ObjectCopier(store(server, proxy, src, noCopySourceIfMatch()),
                store(server, proxy, dst, noCopySourceIfMatch()), SyncOptions.defaults(), parts, totals);
        assertThatThrownBy(() -> copier.copy(e)).hasMessageContaining("changed during the server-side copy");
    }
}

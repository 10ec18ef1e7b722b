package io.replicator.s3sync;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared setup of the S3 contract tests: the server under test and a second server with other
 * credentials (see ContractServers), and a FaultProxy in front of the first one that
 * counts requests server-side. Buckets get unique names per test.
 */
abstract class S3ContractBase {
    private static final AtomicInteger SEQ = new AtomicInteger();

    protected FaultProxy proxy;
    /** In front of the second server. */
    protected FaultProxy proxy2;

    private final ContractServers servers;

    protected S3ContractBase(ContractServers servers) {
        this.servers = servers;
    }

    /** Which servers run the contract, and what they support. */
    protected final ContractServers servers() {
        return servers;
    }

    /** The server under test. */
    protected final S3TestServer server() throws Exception {
        return servers.server();
    }

    /** Another endpoint with other credentials. */
    protected final S3TestServer secondServer() throws Exception {
        return servers.secondServer();
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = FaultProxy.start(server().endpoint());
        proxy2 = FaultProxy.start(secondServer().endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
        proxy2.close();
    }

    /** A fresh bucket on the server under test. */
    protected String bucket(String role) throws Exception {
        String name = role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        server().createBucket(name);
        return name;
    }

    /** A unique bucket name that is not created. */
    protected static String missingBucket() {
        return "missing-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Job between two buckets of the server under test, through the counting proxy. */
    protected BucketJob job(String src, String dst) throws Exception {
        S3Remote r = server().remoteVia(proxy, "main");
        return new BucketJob("test", new BucketRef(r, src), new BucketRef(r, dst));
    }

    /** A fresh bucket on the second server. */
    protected String secondBucket(String role) throws Exception {
        String name = role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        secondServer().createBucket(name);
        return name;
    }

    /** Job from the server under test to the second server: different endpoints and credentials. */
    protected BucketJob crossJob(String src, String dstOnSecond) throws Exception {
        return new BucketJob("cross", new BucketRef(server().remoteVia(proxy, "main"), src),
                new BucketRef(secondServer().remoteVia(proxy2, "second"), dstOnSecond));
    }

    /** Small backoff and some parallelism so fault tests stay quick. */
    protected static SyncOptions opts() {
        return SyncOptions.defaults().withParallelism(4)
                .withRetry(new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(40)));
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * Collects, from the requests passing {@code p}, every upload (PUT, UploadPart) that went out
     * aws-chunked: Content-Encoding aws-chunked or a STREAMING-* payload hash. Ceph RGW stores such
     * an upload with Content-Encoding: aws-chunked, a header the source never had.
     */
    protected static List<String> chunkedUploads(FaultProxy p) {
        List<String> seen = new CopyOnWriteArrayList<>();
        p.onRequest(r -> {
            String enc = r.headers().getOrDefault("content-encoding", "");
            String sha = r.headers().getOrDefault("x-amz-content-sha256", "");
            if ((r.op() == S3Op.PUT || r.op() == S3Op.UPLOAD_PART)
                    && (enc.contains("aws-chunked") || sha.startsWith("STREAMING-"))) {
                seen.add(r.op() + " " + r.key() + " " + enc + " " + sha);
            }
        });
        return seen;
    }

    protected Map<String, S3TestServer.Listed> list(String bucket) throws Exception {
        return server().list(bucket);
    }
}

package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3TestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Resumable multipart copies: a copy that failed after some parts (the parts after the first ones
 * answered 500 until the SDK gave up, or the destination's endpoint went away) leaves its upload journalled;
 * the next run lists its parts and sends only the missing ones (counted server-side); a source that
 * changed meanwhile gets its upload aborted and is copied whole; an upload no object needs any more
 * is aborted at the end of a complete run.
 */
abstract class ResumeContract extends S3ContractBase {
    protected ResumeContract(ContractServers servers) {
        super(servers);
    }

    private static final int MIB = 1024 * 1024;
    private static final byte[] V1 = random(20 * MIB, 11); // 4 parts of 5 MiB
    private static final byte[] V2 = random(20 * MIB, 12);

    /** Lets the first {@code passing} requests of {@code op} through, then answers 500 to every later one. */
    private static void failAfter(FaultProxy p, S3Op op, int passing) {
        AtomicInteger seen = new AtomicInteger();
        p.inject(r -> r.op() == op && seen.incrementAndGet() > passing, FaultProxy.Fault.INTERNAL_ERROR_500,
                Integer.MAX_VALUE);
    }

    private static List<MultipartUpload> uploads(S3TestServer s, String bucket) {
        return s.client().listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().stream().toList();
    }

    private static int partsOf(S3TestServer s, String bucket, MultipartUpload u) {
        return s.client().listPartsPaginator(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId()))
                .parts().stream().toList().size();
    }

    /** A first run of job that fails after {@code passing} parts (requests of {@code op} at proxy p). */
    private static void interrupted(BucketJob job, FaultProxy p, S3Op op, int passing) {
        failAfter(p, op, passing);
        SyncReport first = BucketSync.run(job, opts());
        p.clearFaults();
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(first.notes()).anyMatch(n -> n.startsWith("kept multipart upload ") && n.contains("'big.bin'"));
    }

    /** The first run of a cross-endpoint copy of V1 fails after two of its four parts. */
    private String[] interruptedStreamedCopy() throws Exception {
        String src = bucket("src");
        String dst = secondBucket("dst");
        server().putMultipart(src, "big.bin", V1, 5 * MIB);
        interrupted(crossJob(src, dst), proxy2, S3Op.UPLOAD_PART, 2);
        List<MultipartUpload> open = uploads(secondServer(), dst);
        assertThat(open).singleElement().extracting(MultipartUpload::key).isEqualTo("big.bin");
        assertThat(partsOf(secondServer(), dst, open.get(0))).isEqualTo(2);
        return new String[] {src, dst};
    }

    @Test
    void aStreamedCopyThatFailedMidWayResumesWithoutSendingItsPartsAgain() throws Exception {
        String[] b = interruptedStreamedCopy();

        SyncReport dry = BucketSync.run(crossJob(b[0], b[1]), opts().withMode(SyncMode.DRY_RUN));
        assertThat(dry.plan()).anyMatch(l -> l.startsWith("resume or abort multipart upload ") && l.contains("'big.bin'"));
        assertThat(uploads(secondServer(), b[1])).hasSize(1);

        proxy2.resetCounts();
        SyncReport next = BucketSync.run(crossJob(b[0], b[1]), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy2.count(S3Op.UPLOAD_PART)).isEqualTo(2);
        assertThat(proxy2.count(S3Op.CREATE_MULTIPART)).isZero();
        assertThat(next.notes()).anyMatch(n -> n.startsWith("resumed multipart upload ")
                && n.endsWith(": 2 of 4 parts kept, 2 sent"));
        assertThat(secondServer().get(b[1], "big.bin")).isEqualTo(V1);
        assertThat(secondServer().list(b[1]).get("big.bin").etag()).isEqualTo(list(b[0]).get("big.bin").etag());
        assertThat(uploads(secondServer(), b[1])).isEmpty();
        assertThat(secondServer().list(b[1]).keySet()).as("the journal entry went with the upload")
                .noneMatch(k -> k.contains("/uploads/"));
    }

    @Test
    void aServerSideCopyThatFailedMidWayResumesWithoutCopyingItsPartsAgain() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().putMultipart(src, "big.bin", V1, 5 * MIB);
        interrupted(job(src, dst), proxy, S3Op.UPLOAD_PART_COPY, 3);

        proxy.resetCounts();
        SyncReport next = BucketSync.run(job(src, dst), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.count(S3Op.UPLOAD_PART_COPY)).isEqualTo(1);
        assertThat(proxy.count(S3Op.CREATE_MULTIPART)).isZero();
        assertThat(server().get(dst, "big.bin")).isEqualTo(V1);
        assertThat(list(dst).get("big.bin").etag()).isEqualTo(list(src).get("big.bin").etag());
        assertThat(uploads(server(), dst)).isEmpty();
    }

    @Test
    void aCopyWhoseDestinationEndpointWentAwayResumesThroughAnotherConnection() throws Exception {
        String src = bucket("src");
        String dst = secondBucket("dst");
        server().putMultipart(src, "big.bin", V1, 5 * MIB);
        // one part at a time; the destination's endpoint vanishes when the third part arrives
        FaultProxy lost = FaultProxy.start(secondServer().endpoint());
        AtomicInteger arriving = new AtomicInteger();
        lost.onRequest(r -> {
            if (r.op() == S3Op.UPLOAD_PART && arriving.incrementAndGet() == 3) {
                lost.close();
            }
        });
        BucketJob through = new BucketJob("cross", new BucketRef(server().remoteVia(proxy, "main"), src),
                new BucketRef(secondServer().remoteVia(lost, "second"), dst));
        SyncReport first = BucketSync.run(through, opts().withParallelism(1));
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(first.notes()).anyMatch(n -> n.startsWith("kept multipart upload ") && n.contains("'big.bin'"));
        assertThat(partsOf(secondServer(), dst, uploads(secondServer(), dst).get(0))).isEqualTo(2);

        SyncReport next = BucketSync.run(crossJob(src, dst), opts()); // the endpoint is back (another port)
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy2.count(S3Op.UPLOAD_PART)).isEqualTo(2);
        assertThat(secondServer().get(dst, "big.bin")).isEqualTo(V1);
        assertThat(uploads(secondServer(), dst)).isEmpty();
    }

    @Test
    void anUploadWhoseSourceChangedIsAbortedAndTheObjectCopiedWhole() throws Exception {
        String[] b = interruptedStreamedCopy();
        server().putMultipart(b[0], "big.bin", V2, 5 * MIB); // same size and layout, other bytes

        proxy2.resetCounts();
        SyncReport next = BucketSync.run(crossJob(b[0], b[1]), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(next.notes()).anyMatch(n -> n.startsWith("aborted multipart upload ")
                && n.endsWith(": the source changed or is written in another part layout"));
        assertThat(proxy2.count(S3Op.UPLOAD_PART)).isEqualTo(4);
        assertThat(secondServer().get(b[1], "big.bin")).isEqualTo(V2);
        assertThat(uploads(secondServer(), b[1])).isEmpty();
    }

    @Test
    void anUploadNoObjectNeedsAnyMoreIsAbortedAfterACompleteRun() throws Exception {
        String[] b = interruptedStreamedCopy();
        server().delete(b[0], "big.bin");
        server().put(b[0], "small.txt", bytes("x"));

        SyncReport next = BucketSync.run(crossJob(b[0], b[1]), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(next.notes()).anyMatch(n -> n.startsWith("aborted multipart upload ")
                && n.endsWith(": the object no longer needed it"));
        assertThat(uploads(secondServer(), b[1])).isEmpty();
        assertThat(secondServer().list(b[1]).keySet()).containsExactly("small.txt");
    }
}

package io.replicator.bench;

import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.SyncOptions;
import io.replicator.s3sync.SyncReport;
import io.replicator.testing.CephRgw;
import io.replicator.testing.FaultProxy;
import io.replicator.testing.QuietLogs;
import io.replicator.testing.RgwUser;
import io.replicator.testing.S3Op;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A resumed 200 MiB copy on Ceph RGW: one object (16 MiB parts, 13 parts) streamed from one user to
 * the other through a FaultProxy that answers 500 to every UploadPart after the first six (as an
 * endpoint that goes away mid-copy); then a second run. Prints the parts and bytes each run sent
 * (UploadPart requests and their Content-Length, counted at the proxy) and whether the copy is
 * identical (ETag equal to the source's, bytes compared). Run by bench/resume.sh.
 */
public final class ResumeBench {
    private static final int MIB = 1024 * 1024;

    private ResumeBench() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.apply();
        int size = 200 * MIB;
        int partSize = 16 * MIB;
        int passing = 6;
        RgwUser a = CephRgw.sharedUser();
        RgwUser b = CephRgw.sharedOtherUser();
        String src = "resume-src-" + Long.toHexString(System.nanoTime());
        String dst = "resume-dst-" + Long.toHexString(System.nanoTime());
        a.createBucket(src);
        b.createBucket(dst);
        byte[] data = new byte[size];
        new Random(200).nextBytes(data);
        String sourceEtag = a.putMultipart(src, "big.bin", data, partSize);
        try (FaultProxy proxy = FaultProxy.start(b.endpoint())) {
            AtomicLong parts = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            proxy.onRequest(r -> {
                if (r.op() == S3Op.UPLOAD_PART) {
                    parts.incrementAndGet();
                    bytes.addAndGet(Long.parseLong(r.headers().getOrDefault("content-length", "0")));
                }
            });
            AtomicInteger seen = new AtomicInteger();
            proxy.inject(r -> r.op() == S3Op.UPLOAD_PART && seen.incrementAndGet() > passing,
                    FaultProxy.Fault.INTERNAL_ERROR_500, Integer.MAX_VALUE);
            BucketJob job = new BucketJob("resume", new BucketRef(a.remote("a"), src),
                    new BucketRef(b.remoteVia(proxy, "b"), dst));
            SyncOptions options = SyncOptions.defaults().withParallelism(4);
            long t0 = System.nanoTime();
            SyncReport first = BucketSync.run(job, options);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("object: %d bytes, %d parts of %d MiB, source ETag %s%n", size,
                    (size + partSize - 1) / partSize, partSize / MIB, sourceEtag);
            System.out.printf("run 1 (UploadPart answered 500 after the first %d): result %s, %.1f s, UploadPart "
                    + "requests %d (retries included), bytes sent %d%n", passing, first.result(), firstSeconds,
                    parts.get(), bytes.get());
            first.notes().forEach(n -> System.out.println("  note: " + n));
            proxy.clearFaults();
            parts.set(0);
            bytes.set(0);
            t0 = System.nanoTime();
            SyncReport second = BucketSync.run(job, options);
            double secondSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run 2: result %s, %.1f s, UploadPart requests %d, bytes re-sent %d (%.1f MiB of %d MiB)%n",
                    second.result(), secondSeconds, parts.get(), bytes.get(), bytes.get() / (double) MIB, size / MIB);
            second.notes().forEach(n -> System.out.println("  note: " + n));
            String copyEtag = b.list(dst).get("big.bin").etag();
            boolean same = java.util.Arrays.equals(b.get(dst, "big.bin"), data);
            System.out.printf("copy: ETag %s (%s the source's), bytes %s%n", copyEtag,
                    copyEtag.equals(sourceEtag) ? "equal to" : "NOT equal to", same ? "identical" : "DIFFERENT");
        }
        System.exit(0);
    }
}

package io.replicator.bench;

import io.replicator.s3sync.BucketJob;
import io.replicator.s3sync.BucketRef;
import io.replicator.s3sync.BucketSync;
import io.replicator.s3sync.S3Remote;
import io.replicator.s3sync.SyncMode;
import io.replicator.s3sync.SyncOptions;
import io.replicator.s3sync.SyncReport;
import io.replicator.testing.QuietLogs;
import java.net.URI;

/**
 * Runs one bucket job in a fresh JVM, like a CronJob would, so the benchmark can read its peak RSS
 * and cold wall time. Usage: S3SyncBenchRunner SYNC|CHECK srcEndpoint srcBucket dstEndpoint dstBucket;
 * keys in env BENCH_SRC_AK/SK, BENCH_DST_AK/SK. Prints "ENGINE_MS n" and the summary; exit 1 unless OK.
 */
public final class S3SyncBenchRunner {
    private S3SyncBenchRunner() {
    }

    public static void main(String[] a) {
        QuietLogs.warnOnly();
        S3Remote src = S3Remote.of("src", URI.create(a[1]), System.getenv("BENCH_SRC_AK"), System.getenv("BENCH_SRC_SK"));
        S3Remote dst = S3Remote.of("dst", URI.create(a[3]), System.getenv("BENCH_DST_AK"), System.getenv("BENCH_DST_SK"));
        long t0 = System.nanoTime();
        SyncReport r = BucketSync.run(new BucketJob("bench", new BucketRef(src, a[2]), new BucketRef(dst, a[4])),
                SyncOptions.defaults().withMode(SyncMode.valueOf(a[0])));
        System.out.println("ENGINE_MS " + (System.nanoTime() - t0) / 1_000_000);
        System.out.println(r.summary());
        System.exit(r.ok() ? 0 : 1);
    }
}

package io.replicator.jobs;

import io.replicator.config.BucketMapping;
import io.replicator.s3sync.SyncReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a job's buckets, at most {@code parallelism} at once (1: one after the other on the calling
 * thread). Each bucket is its own run with its own report, errors and delete phase, so an error in
 * one bucket neither blocks nor allows another bucket's deletes. Results come back in the job's
 * bucket order.
 */
final class ParallelBuckets {
    /** One bucket's report, or why its run threw (the engine reports problems; a throw is a bug). */
    record Outcome(BucketMapping mapping, SyncReport report, String crash) {
    }

    private ParallelBuckets() {
    }

    static List<Outcome> run(String job, List<BucketMapping> buckets, int parallelism,
                             Function<BucketMapping, SyncReport> runOne) throws InterruptedException {
        List<Outcome> out = new ArrayList<>(buckets.size());
        int threads = Math.min(parallelism, buckets.size());
        if (threads <= 1) {
            for (BucketMapping m : buckets) {
                out.add(guarded(m, runOne));
            }
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bucket-sync-" + job + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(buckets.size());
            for (BucketMapping m : buckets) {
                futures.add(pool.submit(() -> guarded(m, runOne)));
            }
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) { // guarded() catches everything; kept for completeness
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow(); // interrupted while waiting: the bucket runs stop (and delete nothing)
        }
    }

    private static Outcome guarded(BucketMapping m, Function<BucketMapping, SyncReport> runOne) {
        try {
            return new Outcome(m, runOne.apply(m), null);
        } catch (RuntimeException e) {
            return new Outcome(m, null, String.valueOf(e));
        }
    }
}

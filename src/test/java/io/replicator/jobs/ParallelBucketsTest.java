package io.replicator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.ConfigBinder;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.ProgressTicker;
import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's buckets run in parallel (bucket-parallelism) through the configured runner, against two
 * S3Proxy servers: the same result as one after the other, the listings really overlap, and an
 * error in one bucket fails the job while the other buckets' deletes still happen (deletes are per
 * bucket).
 */
class ParallelBucketsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private S3TestServer src;
    private S3TestServer dst;
    private FaultProxy proxy;

    @BeforeEach
    void servers() throws Exception {
        src = S3ProxyFixture.shared();
        dst = S3ProxyFixture.sharedOther();
        proxy = FaultProxy.start(src.endpoint());
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static String name(String role) {
        return role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** n source buckets with three objects each; returns their names. */
    private List<String> sources(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String b = name("src");
            src.createBucket(b);
            for (int k = 0; k < 3; k++) {
                src.put(b, "obj-" + k, bytes(b + "/" + k));
            }
            out.add(b);
        }
        return out;
    }

    /** A destination bucket per source, each holding one extraneous object. */
    private List<String> destinations(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String b = name("dst");
            dst.createBucket(b);
            dst.put(b, "extra", bytes("to be deleted"));
            out.add(b);
        }
        return out;
    }

    private JobReport run(List<String> from, List<String> to, int bucketParallelism) {
        return run(from, to, bucketParallelism, Map.of());
    }

    private JobReport run(List<String> from, List<String> to, int bucketParallelism, Map<String, String> more) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            pairs.add(from.get(i) + ":" + to.get(i));
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("replicator.remotes.src.endpoint", proxy.endpoint().toString());
        p.put("replicator.remotes.src.access-key", src.accessKey());
        p.put("replicator.remotes.src.secret-key", src.secretKey());
        p.put("replicator.remotes.dst.endpoint", dst.endpoint().toString());
        p.put("replicator.remotes.dst.access-key", dst.accessKey());
        p.put("replicator.remotes.dst.secret-key", dst.secretKey());
        p.put("replicator.bucket-sync.four.source", "src");
        p.put("replicator.bucket-sync.four.destination", "dst");
        p.put("replicator.bucket-sync.four.buckets", String.join(",", pairs));
        p.put("replicator.bucket-sync.four.retries", "1");
        p.put("replicator.bucket-sync.four.bucket-parallelism", String.valueOf(bucketParallelism));
        p.putAll(more);
        BucketSyncJobConfig job = new ConfigBinder(p.keySet(), k -> Optional.ofNullable(p.get(k))).bind()
                .bucketSyncJob("four").orElseThrow();
        try (ProgressTicker ticker = new ProgressTicker(Duration.ofHours(1), line -> { })) {
            return new S3SyncJobRunner().run(job, ticker);
        }
    }

    @Test
    void parallelBucketsGiveTheSameResultAsSequential() {
        List<String> from = sources(4);
        List<String> parallel = destinations(4);
        List<String> sequential = destinations(4);

        JobReport p = run(from, parallel, 4);
        JobReport s = run(from, sequential, 1);

        assertThat(p.outcome()).as(p.lines().toString()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(s.outcome()).as(s.lines().toString()).isEqualTo(JobOutcome.SUCCEEDED);
        for (int i = 0; i < 4; i++) {
            assertThat(dst.list(parallel.get(i))).isEqualTo(src.list(from.get(i))).isEqualTo(dst.list(sequential.get(i)));
        }
        for (String counter : List.of("objects_copied", "objects_deleted", "bytes_copied", "objects_failed")) {
            assertThat(p.counters().get(counter)).as(counter).isEqualTo(s.counters().get(counter));
        }
        assertThat(p.counters()).containsEntry("objects_copied", 12L).containsEntry("objects_deleted", 4L);
        List<String> bucketLines = p.lines().stream().filter(l -> !l.startsWith(" ")).toList();
        for (int i = 0; i < 4; i++) { // each bucket reported on its own line, in the job's order
            assertThat(bucketLines.get(i)).startsWith(from.get(i) + ":" + parallel.get(i) + ": bucket job four SYNC OK");
        }
    }

    /** Each bucket's first source LIST waits until all four arrived: only overlapping runs get there. */
    @Test
    void theBucketsListingsOverlap() throws Exception {
        List<String> from = sources(4);
        Set<String> firstSeen = ConcurrentHashMap.newKeySet();
        CountDownLatch allListing = new CountDownLatch(4);
        List<Boolean> met = new CopyOnWriteArrayList<>();
        proxy.onRequest(r -> {
            if (r.op() == S3Op.LIST && from.contains(r.bucket()) && firstSeen.add(r.bucket())) {
                allListing.countDown();
                try {
                    met.add(allListing.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        JobReport p = run(from, destinations(4), 4);
        assertThat(p.outcome()).as(p.lines().toString()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(met).containsExactly(true, true, true, true);
    }

    @Test
    void anErrorInOneBucketFailsTheJobAndLeavesTheOtherBucketsDeletesAlone() {
        List<String> from = sources(3);
        src.put(from.get(1), "unreadable", bytes("fails on every read"));
        proxy.inject(r -> r.op() == S3Op.GET && from.get(1).equals(r.bucket()) && "unreadable".equals(r.key()),
                FaultProxy.Fault.INTERNAL_ERROR_500, 1_000);
        List<String> to = destinations(3);

        JobReport r = run(from, to, 3);

        assertThat(r.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(r.lines()).anyMatch(l -> l.startsWith("error: " + from.get(1) + ":" + to.get(1) + ": unreadable: "));
        assertThat(r.lines()).anyMatch(l -> l.equals("error: " + from.get(1) + ":" + to.get(1)
                + ": not deleting 1 objects because of the errors above"));
        assertThat(dst.list(to.get(1))).containsKey("extra"); // the failed bucket deletes nothing
        for (int i : new int[] {0, 2}) { // the others are synced, deletes included
            assertThat(dst.list(to.get(i))).isEqualTo(src.list(from.get(i)));
        }
        assertThat(r.counters()).containsEntry("objects_deleted", 2L);
    }

    /** keep-replaced through the configuration: every bucket keeps into its own folder, reported on its own line. */
    @Test
    void eachBucketKeepsWhatItReplacesAndReportsItOnItsOwnLine() {
        List<String> from = sources(2);
        List<String> to = destinations(2);
        for (String b : to) {
            dst.put(b, "obj-0", bytes("an older obj-0"));
        }
        String keep = name("keep");
        dst.createBucket(keep);

        JobReport r = run(from, to, 2, Map.of("replicator.bucket-sync.four.keep-replaced", keep + "/trash",
                "replicator.bucket-sync.four.keep-days", "7"));

        assertThat(r.outcome()).as(r.lines().toString()).isEqualTo(JobOutcome.SUCCEEDED);
        List<String> kept = new ArrayList<>(dst.list(keep).keySet());
        assertThat(kept).hasSize(4);
        for (String b : to) {
            assertThat(kept).filteredOn(k -> k.matches("trash/\\d{8}T\\d{6}\\.\\d{3}Z/" + b + "/(obj-0|extra)")).hasSize(2);
            String old = kept.stream().filter(k -> k.endsWith(b + "/obj-0")).findFirst().orElseThrow();
            assertThat(dst.get(keep, old)).isEqualTo(bytes("an older obj-0"));
        }
        assertThat(r.lines()).filteredOn(l -> l.startsWith("  kept in " + keep + "/trash/")
                && l.endsWith(": replaced 1 (14 B), deleted 1 (13 B)")).hasSize(2);
        assertThat(r.counters()).containsEntry("objects_kept_replaced", 2L).containsEntry("objects_kept_deleted", 2L);
    }
}

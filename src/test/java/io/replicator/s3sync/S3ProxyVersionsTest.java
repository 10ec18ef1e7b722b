package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.S3ProxyFixture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** S3Proxy keeps no versions: versions=all and point-in-time runs fail with a message saying so, and write nothing. */
class S3ProxyVersionsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static String bucket(S3ProxyFixture s3, String role) {
        String name = role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        s3.createBucket(name);
        return name;
    }

    @Test
    void versionsAllFailsClearly() throws Exception {
        S3ProxyFixture s3 = S3ProxyFixture.shared();
        String src = bucket(s3, "src");
        String dst = bucket(s3, "dst");
        s3.put(src, "a", "x".getBytes(StandardCharsets.UTF_8));

        SyncReport r = BucketSync.run(new BucketJob("hist", new BucketRef(s3.remote("proxy"), src),
                new BucketRef(s3.remote("proxy"), dst)), SyncOptions.defaults().withVersions(SourceVersions.ALL));

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("versions=all needs a versioned destination",
                "'" + dst + "'", "remote 'proxy'", "replicator.bucket-sync.hist.versions=current");
        assertThat(s3.list(dst)).isEmpty();
    }

    @Test
    void pointInTimeFailsClearly() throws Exception {
        S3ProxyFixture s3 = S3ProxyFixture.shared();
        String src = bucket(s3, "src");
        String dst = bucket(s3, "dst");
        s3.put(src, "a", "x".getBytes(StandardCharsets.UTF_8));
        s3.put(dst, "b", "y".getBytes(StandardCharsets.UTF_8));

        SyncReport r = BucketSync.run(new BucketJob("pit", new BucketRef(s3.remote("proxy"), src),
                new BucketRef(s3.remote("proxy"), dst)), SyncOptions.defaults().withVersions(SourceVersions.at(Instant.now())));

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("source bucket '" + src + "'", "cannot be read");
        assertThat(s3.list(dst)).containsOnlyKeys("b");
    }
}

package io.replicator.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Time as an S3 server stamps it, for tests of versioned buckets: instants are taken from listed
 * LastModified values and waited for on the server's clock (a probe object's LastModified in a
 * scratch bucket), never the test JVM's (RGW may stamp whole seconds, and the clocks may differ).
 */
public final class ServerClock {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<S3TestServer, String> SCRATCH = new ConcurrentHashMap<>();

    private ServerClock() {
    }

    public static void enableVersioning(S3TestServer server, String bucket) {
        server.client().putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /** The LastModified of the key's newest version as the server lists it. */
    public static Instant listedTime(S3TestServer server, String bucket, String key) {
        return server.client().listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions().stream()
                .filter(v -> v.key().equals(key) && v.isLatest()).findFirst().orElseThrow().lastModified();
    }

    /** What the server stamps a write with now, as its listing shows it (a probe in a scratch bucket). */
    public static Instant now(S3TestServer server) {
        String scratch = SCRATCH.computeIfAbsent(server, s -> {
            String name = "clock-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
            s.createBucket(name);
            return name;
        });
        server.put(scratch, "probe", new byte[0]);
        return server.client().listObjectsV2(b -> b.bucket(scratch)).contents().get(0).lastModified();
    }

    /** Returns once the server stamps writes later than {@code t}, asking every 50 ms. */
    public static void after(S3TestServer server, Instant t) {
        while (!now(server).isAfter(t)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server's clock", e);
            }
        }
    }
}

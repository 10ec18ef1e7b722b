package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.CephRgw;
import io.replicator.testing.RgwUser;
import io.replicator.testing.S3TestServer;
import io.replicator.testing.ServerClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Versioned buckets against the real Ceph RGW 16 (S3Proxy has no versioning): versions=all
 * replicates a key's history in order, delete markers included, both server-side (one user) and
 * streamed (to the second user); a rerun writes nothing; an unversioned destination is refused; a
 * point-in-time run reproduces an earlier state; versions=current warns when history is lost.
 */
class RgwVersionsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private RgwUser rgw;
    private RgwUser other;

    @BeforeEach
    void servers() throws Exception {
        rgw = CephRgw.sharedUser();
        other = CephRgw.sharedOtherUser();
    }

    private static String bucket(S3TestServer server, String role, boolean versioned) {
        String name = role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        server.createBucket(name);
        if (versioned) {
            ServerClock.enableVersioning(server, name);
        }
        return name;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One version as a test compares it: object content (null for a delete marker). */
    private record Seen(String key, boolean deleteMarker, long size, String content) {
    }

    /** Every version of every key, oldest first per key, with its content read by version id. */
    private static List<Seen> history(S3TestServer server, String bucket) {
        List<Seen> out = new ArrayList<>();
        ListObjectVersionsResponse r = server.client().listObjectVersions(b -> b.bucket(bucket).prefix("k"));
        List<String> keys = new ArrayList<>();
        r.versions().forEach(v -> keys.add(v.key()));
        r.deleteMarkers().forEach(m -> keys.add(m.key()));
        for (String key : keys.stream().distinct().sorted().toList()) {
            List<Object[]> entries = new ArrayList<>();
            r.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> entries.add(new Object[] {
                    v.lastModified(), v.versionId(), false, v.size()}));
            r.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> entries.add(new Object[] {
                    m.lastModified(), m.versionId(), true, 0L}));
            entries.sort(Comparator.comparing(e -> (Instant) e[0]));
            for (Object[] e : entries) {
                boolean marker = (Boolean) e[2];
                String content = marker ? null : server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)
                        .versionId((String) e[1])).asUtf8String();
                out.add(new Seen(key, marker, (Long) e[3], content));
            }
        }
        return out;
    }

    /**
     * Writes three versions of k1, a delete marker, then a fourth version (so the marker sits in the
     * middle), and one version of k2, each write a server clock tick after the previous one.
     */
    private void writeHistory(String src) {
        rgw.put(src, "k1", text("one"));
        tick(src, "k1");
        rgw.put(src, "k1", text("two-2"));
        tick(src, "k1");
        rgw.put(src, "k1", text("three-3"));
        tick(src, "k1");
        rgw.client().deleteObject(b -> b.bucket(src).key("k1"));
        ServerClock.after(rgw, ServerClock.now(rgw));
        rgw.put(src, "k1", text("four-four"));
        rgw.put(src, "k2", text("only"));
    }

    private void tick(String bucket, String key) {
        ServerClock.after(rgw, listedTime(bucket, key));
    }

    private static SyncOptions all() {
        return SyncOptions.defaults().withParallelism(4).withVersions(SourceVersions.ALL);
    }

    private static SyncOptions all(int listPageSize) {
        return all().withListPageSize(listPageSize);
    }

    @Test
    void versionsAllReplicatesHistoryInOrderServerSide() {
        replicatesHistoryInOrder(rgw, 1000);
    }

    @Test
    void versionsAllReplicatesHistoryInOrderStreamedInPagesOfTwo() {
        replicatesHistoryInOrder(other, 2); // a key's versions and its delete marker span listing pages
    }

    private void replicatesHistoryInOrder(RgwUser destinationUser, int pageSize) {
        String src = bucket(rgw, "vsrc", true);
        String dst = bucket(destinationUser, "vdst", true);
        writeHistory(src);
        BucketJob job = new BucketJob("versions", new BucketRef(rgw.remote("src"), src),
                new BucketRef(destinationUser.remote("dst"), dst));

        SyncReport dry = BucketSync.run(job, all(pageSize).withMode(SyncMode.DRY_RUN));
        assertThat(dry.ok()).as(dry.summary()).isTrue();
        assertThat(dry.plan()).hasSize(6);
        assertThat(history(destinationUser, dst)).isEmpty(); // a dry run writes nothing

        SyncReport first = BucketSync.run(job, all(pageSize));
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(first.copied().objects()).isEqualTo(5);
        assertThat(first.deleted().objects()).isEqualTo(1); // the delete marker
        List<Seen> expected = List.of(
                new Seen("k1", false, 3, "one"), new Seen("k1", false, 5, "two-2"),
                new Seen("k1", false, 7, "three-3"), new Seen("k1", true, 0, null),
                new Seen("k1", false, 9, "four-four"), new Seen("k2", false, 4, "only"));
        assertThat(history(rgw, src)).isEqualTo(expected);
        assertThat(history(destinationUser, dst)).isEqualTo(expected);

        SyncReport again = BucketSync.run(job, all(pageSize));
        assertThat(again.ok()).as(again.summary()).isTrue();
        assertThat(again.copied().objects()).isZero();
        assertThat(again.deleted().objects()).isZero();
        assertThat(again.skipped().objects()).isEqualTo(6);
        assertThat(again.requests()).doesNotContainKeys(RequestType.PUT, RequestType.COPY, RequestType.DELETE);
        if (pageSize == 1000) { // the versioning check, one listing page, the version map
            assertThat(again.requests()).isEqualTo(Map.of(RequestType.BUCKET_VERSIONING, 1L, RequestType.LIST, 1L,
                    RequestType.GET, 1L));
        }
        assertThat(history(destinationUser, dst)).isEqualTo(expected);

        rgw.put(src, "k2", text("second"));
        SyncReport more = BucketSync.run(job, all(pageSize));
        assertThat(more.copied().objects()).as(more.summary()).isEqualTo(1);
        assertThat(history(destinationUser, dst)).endsWith(new Seen("k2", false, 4, "only"),
                new Seen("k2", false, 6, "second"));

        // two runs wrote the version map into the versioned destination: it keeps one version
        assertThat(destinationUser.client().listObjectVersions(b -> b.bucket(dst).prefix(".camel-replicator/"))
                .versions()).singleElement().satisfies(v -> assertThat(v.key()).endsWith("/map"));

        SyncReport check = BucketSync.run(job, all(pageSize).withMode(SyncMode.CHECK));
        assertThat(check.result()).as(check.summary()).isEqualTo(SyncReport.Result.OK);
    }

    /** Two versions of k1 in a new versioned source; the job's destination is a new versioned bucket of the same user. */
    private BucketJob twoVersionsOnOneUser() {
        String src = bucket(rgw, "vsrc", true);
        String dst = bucket(rgw, "vdst", true);
        rgw.put(src, "k1", text("one"));
        tick(src, "k1");
        rgw.put(src, "k1", text("two-2"));
        return new BucketJob("versions", new BucketRef(rgw.remote("src"), src), new BucketRef(rgw.remote("dst"), dst));
    }

    /** One endpoint and one user would allow CopyObject, which RGW 16 lets ignore SSE headers: each version is streamed. */
    @Test
    void versionsAllGivesEveryVersionTheDestinationsStorageClassAndEncryption() {
        BucketJob job = twoVersionsOnOneUser();
        String src = job.source().bucket();
        String dst = job.destination().bucket();
        DestinationProtection cold = new DestinationProtection(DestinationProtection.StorageClass.parse(
                CephRgw.COLD_STORAGE_CLASS), DestinationProtection.Encryption.kms(CephRgw.KMS_KEY_ID));

        SyncReport r = BucketSync.run(job, all().withProtection(cold));
        assertThat(r.ok()).as(r.summary() + " " + r.errors()).isTrue();
        assertThat(r.copied().objects()).isEqualTo(2);
        List<ObjectVersion> written = rgw.client().listObjectVersions(b -> b.bucket(dst).prefix("k")).versions();
        assertThat(written).hasSize(2).allSatisfy(v -> {
            HeadObjectResponse h = rgw.client().headObject(b -> b.bucket(dst).key(v.key()).versionId(v.versionId()));
            assertThat(h.storageClassAsString()).as(v.versionId()).isEqualTo(CephRgw.COLD_STORAGE_CLASS);
            assertThat(h.serverSideEncryptionAsString()).as(v.versionId()).isEqualTo("aws:kms");
            assertThat(h.ssekmsKeyId()).as(v.versionId()).isEqualTo(CephRgw.KMS_KEY_ID);
        });
        assertThat(history(rgw, dst)).isEqualTo(history(rgw, src));
    }

    @Test
    void versionsDeletedAtTheSourceStayOnTheDestination() {
        BucketJob job = twoVersionsOnOneUser();
        String src = job.source().bucket();
        String dst = job.destination().bucket();
        assertThat(BucketSync.run(job, all()).copied().objects()).isEqualTo(2);
        String oldest = rgw.client().listObjectVersions(b -> b.bucket(src)).versions().stream()
                .filter(v -> !v.isLatest()).findFirst().orElseThrow().versionId();
        rgw.client().deleteObject(b -> b.bucket(src).key("k1").versionId(oldest)); // a permanent delete

        SyncReport r = BucketSync.run(job, all());

        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.copied().objects() + r.deleted().objects()).isZero();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 replicated versions are no longer at the source"));
        assertThat(history(rgw, src)).containsExactly(new Seen("k1", false, 5, "two-2"));
        assertThat(history(rgw, dst)).containsExactly(new Seen("k1", false, 3, "one"), new Seen("k1", false, 5, "two-2"));
        assertThat(BucketSync.run(job, all()).notes()).noneMatch(n -> n.contains("no longer at the source"));
    }

    @Test
    void versionsAllRefusesAnUnversionedDestination() {
        String src = bucket(rgw, "vsrc", true);
        String dst = bucket(rgw, "plain", false);
        rgw.put(src, "k1", text("one"));
        BucketJob job = new BucketJob("histjob", new BucketRef(rgw.remote("src"), src), new BucketRef(rgw.remote("dst"), dst));

        SyncReport r = BucketSync.run(job, all());

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("destination bucket '" + dst + "'", "remote 'dst'",
                "versioning never enabled", "replicator.bucket-sync.histjob.versions=current", "nothing was copied");
        assertThat(rgw.list(dst)).isEmpty();
    }

    @Test
    void pointInTimeReproducesAnEarlierState() {
        String src = bucket(rgw, "pitsrc", true);
        String target = bucket(other, "drill", false);
        rgw.put(src, "k1", text("first"));
        rgw.put(src, "k2", text("kept"));
        rgw.put(src, "k3", text("deleted later"));
        // the instant is one the server listed, so no client clock is involved
        Instant t = listedTime(src, "k3");
        ServerClock.after(rgw, t);
        rgw.put(src, "k1", text("overwritten"));
        rgw.client().deleteObject(b -> b.bucket(src).key("k3"));
        rgw.put(src, "k4", text("new"));
        other.put(target, "k9", text("not in the source then"));
        BucketJob drill = new BucketJob("pit", new BucketRef(rgw.remote("src"), src), new BucketRef(other.remote("drill"), target));
        SyncOptions at = SyncOptions.defaults().withVersions(SourceVersions.at(t));

        SyncReport dry = BucketSync.run(drill, at.withMode(SyncMode.DRY_RUN));
        assertThat(dry.plan()).as(dry.summary()).contains("copy k1 (size 5)", "copy k2 (size 4)", "copy k3 (size 13)",
                "delete k9 (size 22)");
        assertThat(other.list(target)).containsOnlyKeys("k9");

        SyncReport guarded = BucketSync.run(drill, at.withDeleteLimits(new DeleteLimits(0L, null, null)));
        assertThat(guarded.result()).as(guarded.summary()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(other.list(target)).containsKey("k9");

        SyncReport restored = BucketSync.run(drill, at);
        assertThat(restored.ok()).as(restored.summary()).isTrue();
        assertThat(restored.notes()).anyMatch(n -> n.startsWith("point in time: the source as it was at " + t));
        assertThat(other.list(target)).containsOnlyKeys("k1", "k2", "k3");
        assertThat(new String(other.get(target, "k1"), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(new String(other.get(target, "k3"), StandardCharsets.UTF_8)).isEqualTo("deleted later");

        SyncReport now = BucketSync.run(drill, SyncOptions.defaults().withVersions(SourceVersions.at(Instant.now()
                .plusSeconds(3600))));
        assertThat(now.ok()).as(now.summary()).isTrue();
        assertThat(other.list(target)).containsOnlyKeys("k1", "k2", "k4");
        assertThat(new String(other.get(target, "k1"), StandardCharsets.UTF_8)).isEqualTo("overwritten");
    }

    @Test
    void pointInTimeRefusesAnUnversionedSource() {
        String src = bucket(rgw, "plainsrc", false);
        String target = bucket(rgw, "drill", false);
        rgw.put(src, "k1", text("x"));
        rgw.put(target, "k9", text("y"));
        SyncReport r = BucketSync.run(new BucketJob("pit", new BucketRef(rgw.remote("src"), src),
                new BucketRef(rgw.remote("drill"), target)), SyncOptions.defaults().withVersions(SourceVersions.at(Instant.now())));
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("source bucket '" + src + "'", "versioning never enabled");
        assertThat(rgw.list(target)).containsOnlyKeys("k9");
    }

    @Test
    void versionsCurrentWarnsWhenAVersionedSourceGoesToAnUnversionedDestination() {
        String src = bucket(rgw, "vsrc", true);
        String plain = bucket(rgw, "plain", false);
        String versioned = bucket(rgw, "vdst", true);
        rgw.put(src, "k1", text("one"));

        SyncReport lossy = BucketSync.run(new BucketJob("j", new BucketRef(rgw.remote("a"), src),
                new BucketRef(rgw.remote("a"), plain)), SyncOptions.defaults());
        SyncReport kept = BucketSync.run(new BucketJob("j", new BucketRef(rgw.remote("a"), src),
                new BucketRef(rgw.remote("a"), versioned)), SyncOptions.defaults());

        assertThat(lossy.ok()).isTrue();
        assertThat(lossy.notes()).anySatisfy(n -> assertThat(n).startsWith("warning: source bucket '" + src
                + "' is versioned").contains("destination bucket '" + plain + "' is not", "versions=all"));
        assertThat(kept.notes()).noneMatch(n -> n.startsWith("warning:"));
    }

    private Instant listedTime(String bucket, String key) {
        return ServerClock.listedTime(rgw, bucket, key);
    }
}

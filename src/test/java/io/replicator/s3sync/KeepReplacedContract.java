package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * keep-replaced: what a sync overwrites or deletes on the destination is first copied to the keep
 * place, under a prefix dated by the run; a failed keep destroys nothing; old dated prefixes of this
 * destination are pruned, nothing else; a dry run plans it all and writes nothing.
 */
abstract class KeepReplacedContract extends S3ContractBase {
    protected KeepReplacedContract(ContractServers servers) {
        super(servers);
    }

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final String STAMP0 = "20261101T100000.000Z";

    private boolean supportsTagging() {
        return servers().tagging();
    }

    private static KeepReplaced keepAt(String bucket, Instant now, int days) {
        return new KeepReplaced(bucket, "trash", days, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Source: a (new bytes), same; destination: a (old, with headers), same, gone (extraneous). */
    private String[] changedPair() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "a.txt", bytes("new contents of a"));
        server().put(src, "same.txt", bytes("same"));
        server().put(dst, "a.txt", bytes("old a"), b -> b.contentType("text/x-old").metadata(Map.of("origin", "old"))
                .tagging(supportsTagging() ? "era=old" : null));
        server().put(dst, "same.txt", bytes("same"));
        server().put(dst, "gone.txt", bytes("deleted at the source"), b -> b.metadata(Map.of("origin", "gone")));
        return new String[] {src, dst};
    }

    @Test
    void overwrittenAndDeletedObjectsAreRecoverableFromTheKeepPlace() throws Exception {
        String[] b = changedPair();
        String keep = bucket("keep");
        SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0, 7)), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(server().get(b[1], "a.txt")).isEqualTo(bytes("new contents of a"));
        assertThat(list(b[1])).doesNotContainKey("gone.txt");
        String dated = "trash/" + STAMP0 + "/" + b[1] + "/";
        assertThat(list(keep).keySet()).containsExactlyInAnyOrder(dated + "a.txt", dated + "gone.txt");
        assertThat(server().get(keep, dated + "a.txt")).isEqualTo(bytes("old a"));
        assertThat(server().get(keep, dated + "gone.txt")).isEqualTo(bytes("deleted at the source"));
        HeadObjectResponse kept = server().head(keep, dated + "a.txt");
        assertThat(kept.contentType()).isEqualTo("text/x-old");
        assertThat(kept.metadata()).containsEntry("origin", "old");
        if (supportsTagging()) {
            assertThat(server().client().getObjectTagging(t -> t.bucket(keep).key(dated + "a.txt")).tagSet())
                    .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("era", "old"));
        }
        assertThat(r.kept().replaced().objects()).isEqualTo(1);
        assertThat(r.kept().deleted().objects()).isEqualTo(1);
        assertThat(r.deleted().objects()).isEqualTo(1); // the delete guards count it too
        assertThat(r.keptSummary()).hasValueSatisfying(l -> assertThat(l).startsWith("kept in " + keep + "/trash/"
                + STAMP0 + "/: replaced 1 (5 B), deleted 1 (21 B)"));
    }

    /** Streamed job (other endpoint): the keep copies are made on the destination's endpoint. */
    @Test
    void aStreamedJobKeepsOnTheDestinationsEndpoint() throws Exception {
        String src = bucket("src");
        server().put(src, "a.txt", bytes("new"));
        String dst = secondBucket("dst");
        secondServer().put(dst, "a.txt", bytes("older"));
        secondServer().put(dst, "b.txt", bytes("extra"));
        String keep = secondBucket("keep");
        SyncReport r = BucketSync.run(crossJob(src, dst).withKeep(keepAt(keep, T0, 7)), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        String dated = "trash/" + STAMP0 + "/" + dst + "/";
        assertThat(secondServer().get(keep, dated + "a.txt")).isEqualTo(bytes("older"));
        assertThat(secondServer().get(keep, dated + "b.txt")).isEqualTo(bytes("extra"));
        assertThat(proxy2.count(S3Op.COPY)).isEqualTo(2);
    }

    @Test
    void pruningRemovesOnlyOurOwnOldDatedPrefixes() throws Exception {
        String[] b = changedPair();
        String keep = bucket("keep");
        assertThat(BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0, 7)), opts()).ok()).isTrue();
        String ours = "trash/" + STAMP0 + "/" + b[1] + "/";
        String otherDestination = "trash/" + STAMP0 + "/another-bucket/x";
        String notAStamp = "trash/2026-11-01/" + b[1] + "/y";
        String outsidePrefix = "elsewhere/" + STAMP0 + "/" + b[1] + "/z";
        for (String k : new String[] {otherDestination, notAStamp, outsidePrefix}) {
            server().put(keep, k, bytes("not ours to prune"));
        }

        server().put(b[0], "a.txt", bytes("third version of a"));
        Instant sixDaysLater = T0.plus(Duration.ofDays(6));
        SyncReport r6 = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, sixDaysLater, 7)), opts());
        assertThat(r6.ok()).as(r6.summary()).isTrue();
        String second = "trash/" + Keeper.STAMP.format(sixDaysLater) + "/" + b[1] + "/a.txt";
        assertThat(list(keep)).containsKeys(ours + "a.txt", ours + "gone.txt", second);

        SyncReport r8 = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0.plus(Duration.ofDays(8)), 7)), opts());
        assertThat(r8.ok()).as(r8.summary()).isTrue();
        assertThat(list(keep).keySet()).containsExactlyInAnyOrder(second, otherDestination, notAStamp, outsidePrefix);
        assertThat(r8.notes()).anyMatch(n -> n.startsWith("pruned 2 objects kept in " + keep + "/trash/"));
    }

    @Test
    void aDryRunListsWhatItWouldKeepAndWritesNothing() throws Exception {
        String[] b = changedPair();
        String keep = bucket("keep");
        String old = "trash/" + STAMP0 + "/" + b[1] + "/old.txt";
        server().put(keep, old, bytes("kept long ago"));
        Map<String, io.replicator.testing.S3TestServer.Listed> dstBefore = list(b[1]);
        proxy.resetCounts();

        KeepReplaced later = keepAt(keep, T0.plus(Duration.ofDays(30)), 7);
        SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(later), opts().withMode(SyncMode.DRY_RUN));

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        String dated = keep + "/trash/" + Keeper.STAMP.format(later.clock().instant()) + "/" + b[1] + "/";
        assertThat(r.plan()).contains("keep a.txt (before the overwrite) as " + dated + "a.txt",
                "keep gone.txt (before the delete) as " + dated + "gone.txt",
                "prune 1 objects kept under " + keep + "/trash/" + STAMP0 + "/" + b[1] + "/ (more than 7 days ago)");
        assertThat(r.keptSummary()).hasValueSatisfying(l -> assertThat(l).startsWith("would keep in "));
        assertThat(list(keep).keySet()).containsExactly(old);
        assertThat(list(b[1])).isEqualTo(dstBefore);
        for (S3Op write : new S3Op[] {S3Op.PUT, S3Op.COPY, S3Op.DELETE, S3Op.DELETE_OBJECTS, S3Op.CREATE_MULTIPART,
                S3Op.UPLOAD_PART, S3Op.UPLOAD_PART_COPY, S3Op.OTHER}) {
            assertThat(proxy.count(write)).as(write.name()).isZero();
        }
    }

    @Test
    void aFailedKeepOfAnOverwriteLeavesTheObjectAndDeletesNothing() throws Exception {
        String[] b = changedPair();
        String keep = bucket("keep");
        proxy.inject(r -> r.op() == S3Op.COPY && keep.equals(r.bucket()) && r.key().endsWith("/a.txt"),
                FaultProxy.Fault.INTERNAL_ERROR_500, 1000);
        SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0, 7)), opts());

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).anyMatch(e -> e.startsWith("a.txt: not overwritten: keeping the destination object in "
                + keep + "/trash/" + STAMP0 + "/ failed: HTTP 500"));
        assertThat(r.errors()).anyMatch(e -> e.contains("not deleting 1 objects because of the errors above"));
        assertThat(server().get(b[1], "a.txt")).isEqualTo(bytes("old a"));
        assertThat(list(b[1])).containsKey("gone.txt");
        assertThat(proxy.count(S3Op.DELETE_OBJECTS)).isZero();
    }

    @Test
    void aFailedKeepBeforeTheDeletesPreventsEveryDelete() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "stays.txt", bytes("s"));
        server().put(dst, "stays.txt", bytes("s"));
        server().put(dst, "gone-1.txt", bytes("g1"));
        server().put(dst, "gone-2.txt", bytes("g2"));
        String keep = bucket("keep");
        proxy.inject(r -> r.op() == S3Op.COPY && keep.equals(r.bucket()) && r.key().endsWith("/gone-2.txt"),
                FaultProxy.Fault.INTERNAL_ERROR_500, 1000);
        SyncReport r = BucketSync.run(job(src, dst).withKeep(keepAt(keep, T0, 7)), opts());

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).anyMatch(e -> e.startsWith("gone-2.txt: not deleted: keeping it first failed: HTTP 500"));
        assertThat(r.errors()).anyMatch(e -> e.equals("not deleting 2 objects because of the errors above"));
        assertThat(list(dst).keySet()).containsExactlyInAnyOrder("stays.txt", "gone-1.txt", "gone-2.txt");
        assertThat(proxy.count(S3Op.DELETE_OBJECTS)).isZero();
    }

    @Test
    void aKeepPlaceInsideTheSyncedRangeIsRefused() throws Exception {
        String[] b = changedPair();
        SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(new KeepReplaced(b[1], "trash", 7,
                Clock.fixed(T0, ZoneOffset.UTC))), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("keep-replaced place " + b[1] + "/trash/ overlaps "
                + "the synced range");
        assertThat(server().get(b[1], "a.txt")).isEqualTo(bytes("old a"));
        assertThat(list(b[1])).containsKey("gone.txt");
    }

    @Test
    void aCheckNeitherKeepsNorPrunes() throws Exception {
        String[] b = changedPair();
        String keep = bucket("keep");
        String old = "trash/" + STAMP0 + "/" + b[1] + "/old.txt";
        server().put(keep, old, bytes("kept long ago"));
        proxy.resetCounts();
        SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0.plus(Duration.ofDays(30)), 7)),
                opts().withMode(SyncMode.CHECK));
        assertThat(r.result()).isEqualTo(SyncReport.Result.DIFFERENT);
        assertThat(r.plan()).noneMatch(l -> l.startsWith("keep ") || l.startsWith("prune "));
        assertThat(r.keptSummary()).isEmpty();
        assertThat(list(keep).keySet()).containsExactly(old);
        assertThat(proxy.count(S3Op.COPY) + proxy.count(S3Op.DELETE_OBJECTS)).isZero();
    }

    /** Over the single-copy limit (5 GiB; 1 MiB here) an object is kept in parts, headers and tags included. */
    @Test
    void anObjectOverTheSingleCopyLimitIsKeptInParts() throws Exception {
        String dst = bucket("dst");
        String keep = bucket("keep");
        byte[] data = random(11 * 1024 * 1024, 7);
        server().put(dst, "big.bin", data, b -> b.contentType("application/x-big").metadata(Map.of("origin", "big"))
                .tagging(supportsTagging() ? "size=big" : null));
        S3Remote remote = server().remoteVia(proxy, "main");
        try (software.amazon.awssdk.services.s3.S3Client client = S3ClientFactory.create(remote);
             Keeper keeper = new Keeper(keepAt(keep, T0, 7), new S3Store(new BucketRef(remote, dst), client, null), 2,
                     PartLayout.MIB, 5 * PartLayout.MIB)) {
            keeper.keep("big.bin", data.length, null);
        }
        String place = "trash/" + STAMP0 + "/" + dst + "/big.bin";
        assertThat(server().get(keep, place)).isEqualTo(data);
        HeadObjectResponse kept = server().head(keep, place);
        assertThat(kept.contentType()).isEqualTo("application/x-big");
        assertThat(kept.metadata()).containsEntry("origin", "big");
        if (supportsTagging()) {
            assertThat(server().client().getObjectTagging(t -> t.bucket(keep).key(place)).tagSet())
                    .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("size", "big"));
        }
        assertThat(proxy.count(S3Op.UPLOAD_PART_COPY)).isEqualTo(3);
        assertThat(proxy.count(S3Op.COPY)).isZero();
    }

    @Test
    void aMissingKeepBucketFailsTheRunAndEvenADryRunAndDestroysNothing() throws Exception {
        String[] b = changedPair();
        String keep = missingBucket();
        for (SyncMode mode : new SyncMode[] {SyncMode.DRY_RUN, SyncMode.SYNC}) {
            SyncReport r = BucketSync.run(job(b[0], b[1]).withKeep(keepAt(keep, T0, 7)), opts().withMode(mode));
            assertThat(r.result()).as(mode.name()).isEqualTo(SyncReport.Result.FAILED);
            assertThat(r.errors()).as(mode.name()).anyMatch(e -> e.contains(keep + "/trash/") && e.contains("404"));
        }
        assertThat(server().get(b[1], "a.txt")).isEqualTo(bytes("old a"));
        assertThat(list(b[1])).containsKey("gone.txt");
    }
}

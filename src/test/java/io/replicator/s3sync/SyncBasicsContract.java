package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.S3Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First sync, no-change rerun, updates, deletes, dry run, check, paging, prefixes, filters. */
abstract class SyncBasicsContract extends S3ContractBase {
    protected SyncBasicsContract(ContractServers servers) {
        super(servers);
    }


    private String sourceWith(int n) throws Exception {
        String src = bucket("src");
        for (int i = 0; i < n; i++) {
            server().put(src, "obj-" + i, bytes("content " + i));
        }
        return src;
    }

    @Test
    void firstSyncCopiesEverythingAndRerunSendsOnlyListings() throws Exception {
        String src = sourceWith(5);
        String dst = bucket("dst");

        SyncReport first = BucketSync.run(job(src, dst), opts());
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(first.copied().objects()).isEqualTo(5);
        assertThat(list(dst)).isEqualTo(list(src));

        proxy.resetCounts();
        SyncReport again = BucketSync.run(job(src, dst), opts());
        assertThat(again.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(again.copied().objects() + again.updated().objects()).isZero();
        assertThat(again.skipped().objects()).isEqualTo(5);
        assertThat(again.unproven() + again.recordedEqual()).isZero();
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST);
        assertThat(proxy.count(S3Op.LIST)).isEqualTo(3); // source, destination, sync-state folder (no state: all ETags compare)
        assertThat(again.requests()).containsOnlyKeys(RequestType.LIST);
    }

    @Test
    void changedObjectsAreUpdatedAndExtrasDeleted() throws Exception {
        String src = sourceWith(4);
        String dst = bucket("dst");
        BucketSync.run(job(src, dst), opts());
        server().put(src, "obj-1", bytes("content X")); // same size, other bytes
        server().put(src, "obj-2", bytes("a longer content"));
        server().put(dst, "extra-1", bytes("x"));
        server().put(dst, "extra-2", bytes("y"));
        proxy.resetCounts();

        SyncReport r = BucketSync.run(job(src, dst), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.updated().objects()).isEqualTo(2);
        assertThat(r.deleted()).isEqualTo(new SyncReport.Tally(2, 2));
        assertThat(list(dst)).isEqualTo(list(src));
        assertThat(proxy.count(S3Op.DELETE_OBJECTS)).isEqualTo(1);
        assertThat(proxy.count(S3Op.DELETE)).isZero();
    }

    @Test
    void dryRunListsThePlanAndWritesNothing() throws Exception {
        String src = sourceWith(3);
        String dst = bucket("dst");
        server().put(dst, "obj-0", bytes("content 0"));
        server().put(dst, "obj-1", bytes("old"));
        server().put(dst, "zzz", bytes("extra"));
        var before = list(dst);
        proxy.resetCounts();

        SyncReport r = BucketSync.run(job(src, dst), opts().withMode(SyncMode.DRY_RUN));

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.plan()).containsExactly("update obj-1 (size 3 -> 9)", "copy obj-2 (size 9)", "delete zzz (size 5)",
                "total: copy 1, update 1, delete 1, unchanged 1 (by record 0), 18 bytes to transfer");
        assertThat(list(dst)).isEqualTo(before);
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST);
    }

    @Test
    void checkModeReportsDifferencesAndChangesNothing() throws Exception {
        String src = sourceWith(3);
        String dst = bucket("dst");
        server().put(dst, "obj-0", bytes("content 0"));
        server().put(dst, "obj-1", bytes("content Y"));
        server().put(dst, "x-extra", bytes("e"));
        var before = list(dst);

        SyncReport r = BucketSync.run(job(src, dst), opts().withMode(SyncMode.CHECK));

        assertThat(r.result()).isEqualTo(SyncReport.Result.DIFFERENT);
        assertThat(r.plan()).contains("missing on destination: obj-2 (size 9)", "extra on destination: x-extra (size 1)")
                .anyMatch(l -> l.startsWith("differs: obj-1 (content differs"));
        assertThat(list(dst)).isEqualTo(before);

        BucketSync.run(job(src, dst), opts());
        SyncReport same = BucketSync.run(job(src, dst), opts().withMode(SyncMode.CHECK));
        assertThat(same.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(same.skipped().objects()).isEqualTo(3);
    }

    @Test
    void progressIsReportedWithRunningTotals() throws Exception {
        String src = sourceWith(3);
        List<SyncListener.Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void progress(Progress p) {
                seen.add(p);
            }
        };
        SyncReport r = BucketSync.run(job(src, bucket("dst")), opts().withProgressInterval(java.time.Duration.ZERO),
                listener);
        assertThat(r.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(4); // one per object plus the final one
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new SyncListener.Progress(3, 27, 0, 0, 3));
    }

    @Test
    void emptyBucketsSyncToNothing() throws Exception {
        SyncReport r = BucketSync.run(job(bucket("src"), bucket("dst")), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.sourceObjects() + r.destinationObjects() + r.copied().objects()).isZero();
    }

    @Test
    void tinyListingPagesMergeCorrectly() throws Exception {
        String src = sourceWith(7);
        String dst = bucket("dst");
        server().put(dst, "obj-3", bytes("content 3"));
        server().put(dst, "obj-35", bytes("extra"));
        server().put(dst, "obj-9", bytes("extra"));
        proxy.resetCounts();

        SyncReport r = BucketSync.run(job(src, dst), opts().withListPageSize(2));

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.copied().objects()).isEqualTo(6);
        assertThat(r.skipped().objects()).isEqualTo(1);
        assertThat(r.deleted().objects()).isEqualTo(2);
        assertThat(list(dst)).isEqualTo(list(src));
        assertThat(proxy.count(S3Op.LIST)).isEqualTo(4 + 2 + 1); // 7 keys in pages of 2, 3 keys in pages of 2, state folder
    }

    @Test
    void prefixesMapKeysAndFiltersExcludeFromCopyAndDelete() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "data/a.txt", bytes("a"));
        server().put(src, "data/b.tmp", bytes("b"));
        server().put(src, "other/c.txt", bytes("c"));
        server().put(dst, "backup/keep.tmp", bytes("k"));
        server().put(dst, "backup/old.txt", bytes("o"));
        server().put(dst, "outside.txt", bytes("x"));
        S3Remote r = server().remoteVia(proxy, "main");
        BucketJob job = new BucketJob("prefixed", new BucketRef(r, src, "data"), new BucketRef(r, dst, "backup/"));

        SyncReport rep = BucketSync.run(job, opts().withFilters(List.of(), List.of("*.tmp")));

        assertThat(rep.result()).as(rep.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(list(dst).keySet()).containsExactly("backup/a.txt", "backup/keep.tmp", "outside.txt");
    }
}

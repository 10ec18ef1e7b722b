package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * No silent staleness: objects whose ETags do not compare (a destination another tool filled with
 * another multipart layout) are copied or verified, never skipped, unless the sync state recorded
 * both ETags; check never calls such an object equal unread; the reserved prefix is never synced;
 * dry runs write no state; a killed run's multipart uploads (ours only) are resumed or aborted.
 */
abstract class SyncStateContract extends S3ContractBase {
    protected SyncStateContract(ContractServers servers) {
        super(servers);
    }

    private static final int MIB = 1024 * 1024;
    private static final byte[] V1 = random(12 * MIB, 1);
    private static final byte[] V2 = random(12 * MIB, 2); // same size, other bytes

    /** The state object of a destination bucket synced without prefix (documented in docs/s3sync.md). */
    private static String stateKey(String dst) {
        return ".camel-replicator/sync/" + dst + "/p=/state";
    }

    /** Source written with 5 MiB parts; destination filled by "another tool" with 6 MiB parts: ETags -3 vs -2. */
    private String[] foreignLayout(byte[] sourceBytes, byte[] destinationBytes) throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().putMultipart(src, "big.bin", sourceBytes, 5 * MIB);
        server().put(src, "small.txt", bytes("same"));
        server().putMultipart(dst, "big.bin", destinationBytes, 6 * MIB);
        server().put(dst, "small.txt", bytes("same"));
        return new String[] {src, dst};
    }

    private static SyncOptions verifying() {
        return opts().withState(new SyncOptions.StateSettings(null, SyncOptions.Unproven.VERIFY));
    }

    private List<String> reservedKeys(String bucket) throws Exception {
        return list(bucket).keySet().stream().filter(k -> k.startsWith(".camel-replicator/")).toList();
    }

    @Test
    void aSameSizeChangeOverAForeignLayoutIsCopied() throws Exception {
        String[] b = foreignLayout(V2, V1); // the destination holds the old bytes in another layout

        SyncReport r = BucketSync.run(job(b[0], b[1]), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(server().get(b[1], "big.bin")).isEqualTo(V2);
        assertThat(r.unproven()).isEqualTo(1);
        assertThat(r.updated().objects()).isEqualTo(1);
        assertThat(r.summary()).contains("unproven 1");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 objects could not be shown equal") && n.contains("copied"));
    }

    @Test
    void checkCountsUnverifiedObjectsAndNeverCallsThemEqual() throws Exception {
        String[] stale = foreignLayout(V2, V1);
        SyncReport check = BucketSync.run(job(stale[0], stale[1]), opts().withMode(SyncMode.CHECK));
        assertThat(check.result()).as(check.summary()).isEqualTo(SyncReport.Result.DIFFERENT);
        assertThat(check.unverified()).isEqualTo(1);
        assertThat(check.plan()).anyMatch(l -> l.startsWith("unverified: big.bin (ETags not comparable"));
        assertThat(check.plan()).last().asString().contains("unverified 1");

        SyncReport read = BucketSync.run(job(stale[0], stale[1]), verifying().withMode(SyncMode.CHECK));
        assertThat(read.result()).as(read.summary()).isEqualTo(SyncReport.Result.DIFFERENT);
        assertThat(read.unverified()).isZero();
        assertThat(read.plan()).contains("differs: big.bin (content differs, read both sides)");

        String[] same = foreignLayout(V1, V1); // equal bytes, other layout
        assertThat(BucketSync.run(job(same[0], same[1]), opts().withMode(SyncMode.CHECK)).result())
                .isEqualTo(SyncReport.Result.DIFFERENT);
        SyncReport readSame = BucketSync.run(job(same[0], same[1]), verifying().withMode(SyncMode.CHECK));
        assertThat(readSame.result()).as(readSame.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(reservedKeys(same[1])).as("check writes no state").isEmpty();

        // a sync that verified records both ETags: from then on check proves equality from the state alone
        SyncReport sync = BucketSync.run(job(same[0], same[1]), verifying());
        assertThat(sync.copied().objects() + sync.updated().objects()).as(sync.summary()).isZero();
        proxy.resetCounts();
        SyncReport byRecord = BucketSync.run(job(same[0], same[1]), opts().withMode(SyncMode.CHECK));
        assertThat(byRecord.result()).as(byRecord.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(byRecord.recordedEqual()).isEqualTo(1);
        assertThat(proxy.count(S3Op.GET)).isEqualTo(1); // the state
        assertThat(proxy.count(S3Op.HEAD)).isZero();
    }

    @Test
    void theNoChangeRunAfterOurOwnCopyReadsOnlyTheState() throws Exception {
        String[] b = foreignLayout(V1, V1);
        SyncReport first = BucketSync.run(job(b[0], b[1]), verifying()); // one-time cost: both sides read once
        assertThat(first.unproven()).as(first.summary()).isEqualTo(1);
        assertThat(first.copied().objects() + first.updated().objects()).isZero();
        assertThat(reservedKeys(b[1])).containsExactly(stateKey(b[1]));

        proxy.resetCounts();
        SyncReport again = BucketSync.run(job(b[0], b[1]), verifying());
        assertThat(again.result()).as(again.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(again.recordedEqual()).isEqualTo(1);
        assertThat(again.unproven()).isZero();
        assertThat(proxy.count(S3Op.GET)).isEqualTo(1); // the state, nothing else
        assertThat(proxy.count(S3Op.HEAD)).isZero();
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST, S3Op.GET); // an unchanged state is not written again

        server().putMultipart(b[0], "big.bin", V2, 5 * MIB); // same size, same layout, other bytes
        SyncReport changed = BucketSync.run(job(b[0], b[1]), opts());
        assertThat(changed.updated().objects()).as(changed.summary()).isEqualTo(1);
        assertThat(server().get(b[1], "big.bin")).isEqualTo(V2);
    }

    @Test
    void anObjectCopiedInALayoutThatCannotCompareIsRecordedAndCopiedAgainWhenItChanges() throws Exception {
        String src = bucket("src");
        String dst = secondBucket("dst");
        server().putMultipart(src, "odd.bin", V1, 6 * MIB); // 6 MiB parts: no uploader default to guess
        SyncReport first = BucketSync.run(crossJob(src, dst), opts());
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);

        proxy.resetCounts();
        proxy2.resetCounts();
        SyncReport again = BucketSync.run(crossJob(src, dst), opts());
        assertThat(again.copied().objects() + again.updated().objects() + again.unproven()).isZero();
        assertThat(proxy.count(S3Op.GET) + proxy.count(S3Op.HEAD) + proxy2.count(S3Op.HEAD)).isZero();
        assertThat(proxy2.count(S3Op.GET)).isEqualTo(again.recordedEqual()); // the state when one was needed

        server().putMultipart(src, "odd.bin", V2, 6 * MIB);
        SyncReport changed = BucketSync.run(crossJob(src, dst), opts());
        assertThat(changed.updated().objects()).as(changed.summary()).isEqualTo(1);
        assertThat(secondServer().get(dst, "odd.bin")).isEqualTo(V2);
    }

    @Test
    void aStateThatWasNotWrittenLeadsToAnotherVerificationNeverASkip() throws Exception {
        String[] b = foreignLayout(V1, V1);
        proxy.inject(FaultProxy.opAndKey(S3Op.PUT, stateKey(b[1])), FaultProxy.Fault.INTERNAL_ERROR_500, 1000);
        SyncReport crashed = BucketSync.run(job(b[0], b[1]), verifying());
        assertThat(crashed.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(crashed.errors()).anyMatch(e -> e.startsWith("cannot write the sync state"));
        proxy.clearFaults();

        server().putMultipart(b[0], "big.bin", V2, 5 * MIB);
        SyncReport next = BucketSync.run(job(b[0], b[1]), verifying());
        assertThat(next.unproven()).as(next.summary()).isEqualTo(1);
        assertThat(next.updated().objects()).isEqualTo(1);
        assertThat(server().get(b[1], "big.bin")).isEqualTo(V2);
    }

    @Test
    void anUnreadableStateIsReportedAndReplacedNeverTrusted() throws Exception {
        String[] b = foreignLayout(V2, V1);
        server().put(b[1], stateKey(b[1]), bytes("big.bin " + list(b[0]).get("big.bin").etag()));
        SyncReport r = BucketSync.run(job(b[0], b[1]), opts());
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.notes()).anyMatch(n -> n.contains("is unreadable (line 1 is not"));
        assertThat(server().get(b[1], "big.bin")).isEqualTo(V2);
        // the copy reproduced the source's 5 MiB layout, so nothing needs recording: the junk is removed
        assertThat(list(b[1]).get("big.bin").etag()).isEqualTo(list(b[0]).get("big.bin").etag());
        assertThat(reservedKeys(b[1])).isEmpty();
    }

    @Test
    void theReservedPrefixIsNeverCopiedNorDeleted() throws Exception {
        String[] b = foreignLayout(V1, V1);
        server().put(b[0], stateKey(b[1]), bytes("not a state")); // a source that is itself a replica
        server().put(b[0], ".camel-replicator/other", bytes("x"));
        server().put(b[1], ".camel-replicator/another-job", bytes("y"));
        server().put(b[1], "extra.txt", bytes("z"));

        SyncReport r = BucketSync.run(job(b[0], b[1]), verifying());
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.deleted().objects()).isEqualTo(1);
        assertThat(r.sourceObjects()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("2 source keys under the reserved prefix .camel-replicator/"));
        assertThat(reservedKeys(b[1])).containsExactlyInAnyOrder(".camel-replicator/another-job", stateKey(b[1]));
        assertThat(new String(server().get(b[1], stateKey(b[1])))).startsWith(SyncState.HEADER);

        SyncReport again = BucketSync.run(job(b[0], b[1]), opts());
        assertThat(again.recordedEqual()).as(again.summary()).isEqualTo(1);
        assertThat(reservedKeys(b[1])).containsExactlyInAnyOrder(".camel-replicator/another-job", stateKey(b[1]));

        SyncReport inside = BucketSync.run(new BucketJob("t", job(b[0], b[1]).source(),
                new BucketRef(job(b[0], b[1]).destination().remote(), b[1], ".camel-replicator/x")), opts());
        assertThat(inside.errors()).singleElement().asString().contains("lies inside the reserved prefix");
    }

    @Test
    void aDryRunReadsTheStateAndWritesNothing() throws Exception {
        String[] b = foreignLayout(V1, V1);
        proxy.resetCounts();
        SyncReport fresh = BucketSync.run(job(b[0], b[1]), opts().withMode(SyncMode.DRY_RUN));
        assertThat(fresh.plan()).anyMatch(l -> l.startsWith("update big.bin (ETags not comparable"));
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST);
        assertThat(reservedKeys(b[1])).isEmpty();

        BucketSync.run(job(b[0], b[1]), verifying());
        byte[] state = server().get(b[1], stateKey(b[1]));
        server().putMultipart(b[0], "big.bin", V2, 5 * MIB);
        proxy.resetCounts();
        SyncReport dry = BucketSync.run(job(b[0], b[1]), verifying().withMode(SyncMode.DRY_RUN));
        assertThat(dry.plan()).anyMatch(l -> l.startsWith("verify big.bin (ETags not comparable"));
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST, S3Op.GET);
        assertThat(proxy.count(S3Op.GET)).isEqualTo(1); // the state was read
        assertThat(server().get(b[1], stateKey(b[1]))).isEqualTo(state);
        assertThat(server().get(b[1], "big.bin")).isEqualTo(V1);
    }

    @Test
    void anUploadOurKilledRunLeftIsResumedAndAnotherToolsIsNotTouched() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().putMultipart(src, "big.bin", V1, 5 * MIB);
        String theirs = server().client().createMultipartUpload(r -> r.bucket(dst).key("their.bin")).uploadId();
        server().client().uploadPart(r -> r.bucket(dst).key("their.bin").uploadId(theirs).partNumber(1),
                RequestBody.fromBytes(bytes("part")));
        // the run dies after its parts: neither complete nor abort get through, as when the pod is killed
        proxy.inject(FaultProxy.op(S3Op.COMPLETE_MULTIPART), FaultProxy.Fault.INTERNAL_ERROR_500, 1000);
        proxy.inject(FaultProxy.op(S3Op.ABORT_MULTIPART), FaultProxy.Fault.INTERNAL_ERROR_500, 1000);
        SyncReport killed = BucketSync.run(job(src, dst), opts());
        assertThat(killed.result()).isEqualTo(SyncReport.Result.FAILED);
        proxy.clearFaults();
        Map<String, String> open = uploads(dst);
        assertThat(open).containsEntry(theirs, "their.bin").containsValue("big.bin").hasSize(2);

        SyncReport dry = BucketSync.run(job(src, dst), opts().withMode(SyncMode.DRY_RUN));
        assertThat(dry.plan()).anyMatch(l -> l.startsWith("resume or abort multipart upload ") && l.contains("'big.bin'"));
        assertThat(uploads(dst)).isEqualTo(open);

        proxy.resetCounts();
        SyncReport next = BucketSync.run(job(src, dst), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(next.notes()).anyMatch(n -> n.startsWith("resumed multipart upload ") && n.contains("'big.bin'"));
        assertThat(proxy.count(S3Op.UPLOAD_PART_COPY)).as("every part was there").isZero();
        assertThat(uploads(dst)).containsExactly(Map.entry(theirs, "their.bin"));
        assertThat(reservedKeys(dst)).isEmpty(); // the journal entry went with the upload
        assertThat(server().get(dst, "big.bin")).isEqualTo(V1);
    }

    @Test
    void aJournalEntryWithoutAResumeRecordHasItsUploadAborted() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "small.txt", bytes("x"));
        String ours = server().client().createMultipartUpload(r -> r.bucket(dst).key("old.bin")).uploadId();
        // an entry as a version before resumable uploads wrote it: bucket and key only
        server().put(dst, ".camel-replicator/sync/" + dst + "/p=/uploads/"
                + java.net.URLEncoder.encode(ours, java.nio.charset.StandardCharsets.UTF_8), bytes(dst + "\nold.bin"));

        SyncReport next = BucketSync.run(job(src, dst), opts());
        assertThat(next.result()).as(next.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(next.notes()).anyMatch(n -> n.startsWith("aborted multipart upload " + ours + " of 'old.bin'"));
        assertThat(uploads(dst)).isEmpty();
        assertThat(reservedKeys(dst)).isEmpty();
    }

    /** Open multipart uploads of a bucket: upload id -> key. */
    private Map<String, String> uploads(String bucket) throws Exception {
        return server().client().listMultipartUploadsPaginator(r -> r.bucket(bucket)).uploads().stream()
                .collect(Collectors.toMap(MultipartUpload::uploadId, MultipartUpload::key));
    }
}

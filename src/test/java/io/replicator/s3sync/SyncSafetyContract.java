package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.FaultProxy;
import io.replicator.testing.S3Op;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Delete guards, injected faults, persistent failures and bad input: nothing is deleted wrongly. */
abstract class SyncSafetyContract extends S3ContractBase {
    protected SyncSafetyContract(ContractServers servers) {
        super(servers);
    }


    /** Source with keep-0..keep-(n-1); destination with the same plus extra-0..extra-(e-1). */
    private String[] pairWithExtras(int n, int extras) throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        for (int i = 0; i < n; i++) {
            server().put(src, "keep-" + i, bytes("k" + i));
            server().put(dst, "keep-" + i, bytes("k" + i));
        }
        for (int i = 0; i < extras; i++) {
            server().put(dst, "extra-" + i, bytes("e" + i));
        }
        return new String[] {src, dst};
    }

    private void assertNothingDeleted(String dst, int extras) throws Exception {
        assertThat(list(dst).keySet()).filteredOn(k -> k.startsWith("extra-")).hasSize(extras);
        assertThat(proxy.count(S3Op.DELETE_OBJECTS) + proxy.count(S3Op.DELETE)).isZero();
    }

    /**
     * Issue 12: an endpoint that dies mid-run used to cost every remaining object its full retries
     * (1,000 objects: 380 s). After a few requests in a row that could not connect, the run stops,
     * names the endpoint and deletes nothing; the objects not yet started are not attempted.
     */
    @Test
    void anEndpointThatDiesMidRunStopsTheRunNamingIt() throws Exception {
        String src = bucket("src");
        int objects = 60;
        for (int i = 0; i < objects; i++) {
            server().put(src, String.format("obj-%03d", i), bytes("v" + i));
        }
        String dst = secondBucket("dst");
        secondServer().put(dst, "zz-extra", bytes("must stay"));
        java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
        proxy2.onRequest(r -> {
            if (r.op() == S3Op.PUT && puts.incrementAndGet() == 5) {
                proxy2.close(); // the destination dies: connections are refused from now on
            }
        });
        int parallelism = 4;
        SyncReport r = BucketSync.run(crossJob(src, dst), opts().withParallelism(parallelism));
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).anyMatch(e -> e.contains("stopping the run: destination endpoint "
                + proxy2.endpoint() + " of remote 'second'") && e.contains("nothing was deleted"));
        assertThat(r.copied().objects() + r.failed().objects()).isLessThan(objects);
        assertThat(r.failed().objects()).isLessThanOrEqualTo(EndpointWatch.LIMIT + parallelism);
        assertThat(secondServer().list(dst)).containsKey("zz-extra");
    }

    @Test
    void maxDeleteCountRefusesBeforeTheFirstDelete() throws Exception {
        String[] b = pairWithExtras(2, 3);
        SyncReport r = BucketSync.run(job(b[0], b[1]), opts().withDeleteLimits(new DeleteLimits(2L, null, null)));
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("max-delete count 2").contains("3 deletes");
        assertNothingDeleted(b[1], 3);
    }

    @Test
    void maxDeletePercentRefuses() throws Exception {
        String[] b = pairWithExtras(6, 4); // 4 of 10 = 40 %
        SyncReport r = BucketSync.run(job(b[0], b[1]), opts().withDeleteLimits(new DeleteLimits(null, 30.0, null)));
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("40.0%").contains("max-delete percent 30.0");
        assertNothingDeleted(b[1], 4);

        SyncReport allowed = BucketSync.run(job(b[0], b[1]), opts().withDeleteLimits(new DeleteLimits(4L, 40.0, null)));
        assertThat(allowed.result()).as(allowed.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(allowed.deleted().objects()).isEqualTo(4);
    }

    @Test
    void emptySourceIsRefusedUnlessAllowed() throws Exception {
        String[] b = pairWithExtras(0, 2);
        SyncReport r = BucketSync.run(job(b[0], b[1]), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("source listed 0 objects").contains("has 2");
        assertNothingDeleted(b[1], 2);

        SyncReport dry = BucketSync.run(job(b[0], b[1]), opts().withMode(SyncMode.DRY_RUN));
        assertThat(dry.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(dry.errors()).singleElement().asString().startsWith("dry run: a real run would stop here");

        SyncReport allowed = BucketSync.run(job(b[0], b[1]),
                opts().withDeleteLimits(new DeleteLimits(null, null, DeleteLimits.EmptySource.ALLOW)));
        assertThat(allowed.result()).isEqualTo(SyncReport.Result.OK);
        assertThat(list(b[1])).isEmpty();
    }

    @Test
    void transientFaultsAreRetriedPerRequest() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        for (int i = 0; i < 6; i++) {
            server().put(src, "f-" + i, random(8192, i));
        }
        server().put(dst, "extra", bytes("x"));
        proxy.inject(FaultProxy.op(S3Op.COPY), FaultProxy.Fault.SLOW_DOWN_503, 2);
        proxy.inject(FaultProxy.op(S3Op.COPY), FaultProxy.Fault.RESET_BEFORE_RESPONSE, 1);
        proxy.inject(FaultProxy.op(S3Op.COPY), FaultProxy.Fault.TOO_MANY_REQUESTS_429, 1);
        proxy.inject(FaultProxy.op(S3Op.COPY), FaultProxy.Fault.BAD_GATEWAY_502, 1);
        proxy.inject(FaultProxy.op(S3Op.LIST), FaultProxy.Fault.INTERNAL_ERROR_500, 1);
        proxy.inject(FaultProxy.op(S3Op.DELETE_OBJECTS), FaultProxy.Fault.RESET_BEFORE_RESPONSE, 1);

        SyncReport r = BucketSync.run(job(src, dst), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.faultsInjected()).isEqualTo(7);
        assertThat(r.retries()).isEqualTo(7);
        assertThat(r.copied().objects()).isEqualTo(6);
        assertThat(r.deleted().objects()).isEqualTo(1);
        assertThat(proxy.count(S3Op.COPY)).isEqualTo(6 + 5);
        assertThat(list(dst)).isEqualTo(list(src));
    }

    @Test
    void aSmallObjectSurvivesResetsOfItsDirectReadAndOfTheRepeat() throws Exception {
        // one object: the direct GET is reset mid-body, then the S3Client's repeat too (the SDK does
        // not retry a body that has started): the copier reads it again instead of failing it
        String src = bucket("src");
        String dst = secondBucket("dst");
        server().put(src, "only", random(16384, 7));
        proxy.inject(FaultProxy.op(S3Op.GET), FaultProxy.Fault.RESET_MID_RESPONSE, 2);

        SyncReport r = BucketSync.run(crossJob(src, dst), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.faultsInjected()).isEqualTo(2);
        assertThat(secondServer().get(dst, "only")).isEqualTo(random(16384, 7));
    }

    @Test
    void streamedTransfersSurviveResetsAndSlowDowns() throws Exception {
        String src = bucket("src");
        String dst = secondBucket("dst");
        for (int i = 0; i < 6; i++) {
            server().put(src, "s-" + i, random(16384, i));
        }
        proxy.inject(FaultProxy.op(S3Op.GET), FaultProxy.Fault.RESET_MID_RESPONSE, 2);
        proxy2.inject(FaultProxy.op(S3Op.PUT), FaultProxy.Fault.SLOW_DOWN_503, 2);
        proxy2.inject(FaultProxy.op(S3Op.PUT), FaultProxy.Fault.RESET_BEFORE_RESPONSE, 1);

        SyncReport r = BucketSync.run(crossJob(src, dst), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.faultsInjected() + proxy2.faultsInjected()).isEqualTo(5);
        assertThat(secondServer().list(dst)).isEqualTo(list(src));
        for (int i = 0; i < 6; i++) {
            assertThat(secondServer().get(dst, "s-" + i)).isEqualTo(random(16384, i));
        }
    }

    @Test
    void aPersistentFailureFailsTheRunAndDeletesNothing() throws Exception {
        String[] b = pairWithExtras(2, 2);
        server().put(b[0], "new-ok", bytes("fine"));
        server().put(b[0], "new-bad", bytes("never arrives"));
        proxy.inject(FaultProxy.opAndKey(S3Op.COPY, "new-bad"), FaultProxy.Fault.SLOW_DOWN_503, Integer.MAX_VALUE);

        SyncReport r = BucketSync.run(job(b[0], b[1]), opts());

        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.failed().objects()).isEqualTo(1);
        assertThat(r.copied().objects()).isEqualTo(1);
        assertThat(r.errors()).anyMatch(e -> e.startsWith("new-bad: HTTP 503 SlowDown"))
                .anyMatch(e -> e.startsWith("not deleting 2 objects"));
        assertThat(proxy.count(S3Op.COPY)).isEqualTo(1 + 6); // new-ok once, new-bad 1 + 5 retries
        assertThat(proxy.count(S3Op.LIST)).isEqualTo(3);     // both sides and the state folder: no relist after the failure
        assertNothingDeleted(b[1], 2);
    }

    @Test
    void missingSourceBucketFailsAndDeletesNothing() throws Exception {
        String dst = bucket("dst");
        server().put(dst, "precious", bytes("p"));
        String missing = missingBucket();
        SyncReport r = BucketSync.run(job(missing, dst), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString()
                .contains("source bucket '" + missing + "' does not exist on remote 'main'");
        assertThat(list(dst)).containsOnlyKeys("precious");
    }

    @Test
    void missingDestinationBucketIsAnErrorUnlessCreationIsEnabled() throws Exception {
        String src = bucket("src");
        server().put(src, "a", bytes("a"));
        String missing = missingBucket();
        SyncReport r = BucketSync.run(job(src, missing), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString()
                .contains("destination bucket '" + missing + "' does not exist").contains("create-destination-bucket");

        SyncReport dry = BucketSync.run(job(src, missing), opts().withMode(SyncMode.DRY_RUN)
                .withDestinationBucket(SyncOptions.BucketCreation.CREATE));
        assertThat(dry.plan()).startsWith("create bucket " + missing, "copy a (size 1)");
        assertThat(proxy.count(S3Op.CREATE_BUCKET)).isZero();

        SyncReport created = BucketSync.run(job(src, missing),
                opts().withDestinationBucket(SyncOptions.BucketCreation.CREATE));
        assertThat(created.result()).as(created.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(list(missing)).containsOnlyKeys("a");
    }

    @Test
    void wrongCredentialsNameTheRemoteAndNeverTheSecret() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(dst, "precious", bytes("p"));
        String badSecret = "bad-secret-" + System.nanoTime();
        S3Remote bad = new S3Remote("src-remote", proxy.endpoint(), null, null, server().accessKey(), badSecret);
        S3Remote good = server().remoteVia(proxy, "dst-remote");
        BucketJob job = new BucketJob("creds", new BucketRef(bad, src), new BucketRef(good, dst));
        assertThat(job.toString()).doesNotContain(badSecret).doesNotContain(server().secretKey());
        SyncReport r = BucketSync.run(job, opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("access denied by source remote 'src-remote'")
                .contains(proxy.endpoint().toString()).doesNotContain(badSecret);
        assertThat(r.summary()).doesNotContain(badSecret);
        assertThat(bad.toString()).doesNotContain(badSecret);
        assertThat(list(dst)).containsOnlyKeys("precious");
    }

    @Test
    void unreachableEndpointIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        String dst = bucket("dst");
        server().put(dst, "precious", bytes("p"));
        S3Remote gone = S3Remote.of("far-away", nowhere, "ak", "sk-very-secret");
        SyncReport r = BucketSync.run(new BucketJob("gone", new BucketRef(gone, "b1"),
                new BucketRef(server().remoteVia(proxy, "main"), dst)), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString()
                .contains("cannot reach source endpoint " + nowhere + " of remote 'far-away'");
        assertThat(list(dst)).containsOnlyKeys("precious");
    }
}

package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fidelity contract against Ceph RGW: server-side within one user, streamed to the second user
 * (same radosgw, other credentials and buckets, another FaultProxy: a different endpoint to the engine).
 */
class RgwSyncFidelityTest extends SyncFidelityContract {
    RgwSyncFidelityTest() {
        super(ContractServers.RGW);
    }

    @Override
    protected boolean acceptsRawUtf8Metadata() {
        return false;
    }

    /** RGW lists in UTF-8 byte order like S3: the default key order merges its listings. */
    @Test
    void keysBeyondTheBmpSyncWithTheDefaultKeyOrder() throws Exception {
        String src = bucket("src");
        String dst = bucket("dst");
        server().put(src, "x\uFFFD", bytes("bmp"));
        server().put(src, "x\uD83D\uDE00", bytes("emoji"));
        server().put(dst, "x\uD83D\uDE01", bytes("extra"));

        SyncReport r = BucketSync.run(job(src, dst), opts());

        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(r.deleted().objects()).isEqualTo(1);
        assertThat(list(dst)).isEqualTo(list(src));
    }
}

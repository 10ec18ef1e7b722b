package io.replicator.s3sync;

import io.replicator.testing.CephRgw;
import io.replicator.testing.S3TestServer;

/**
 * The fidelity contract against Ceph RGW: server-side within one user, streamed to the second user
 * (same radosgw, other credentials and buckets, another FaultProxy: a different endpoint to the engine).
 */
class RgwSyncFidelityTest extends SyncFidelityContract {
    @Override
    protected S3TestServer server() throws Exception {
        return CephRgw.sharedUser();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return CephRgw.sharedOtherUser();
    }

    @Override
    protected boolean acceptsRawUtf8Metadata() {
        return false;
    }
}

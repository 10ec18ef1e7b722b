package io.replicator.s3sync;

import io.replicator.testing.CephRgw;
import io.replicator.testing.S3TestServer;

/** keep-replaced against Ceph RGW: server-side within one user, streamed to the second user; tags kept. */
class RgwKeepReplacedTest extends KeepReplacedContract {
    @Override
    protected S3TestServer server() throws Exception {
        return CephRgw.sharedUser();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return CephRgw.sharedOtherUser();
    }
}

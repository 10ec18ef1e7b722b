package io.replicator.s3sync;

import io.replicator.testing.CephRgw;
import io.replicator.testing.S3TestServer;

/** The resume contract against Ceph RGW: server-side within one user, streamed to the second user. */
class RgwResumeTest extends ResumeContract {
    @Override
    protected S3TestServer server() throws Exception {
        return CephRgw.sharedUser();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return CephRgw.sharedOtherUser();
    }
}

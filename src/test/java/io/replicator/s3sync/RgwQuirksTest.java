package io.replicator.s3sync;

import io.replicator.testing.CephRgw;
import io.replicator.testing.S3TestServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The same cases against Ceph RGW 16, which has both quirks itself. */
class RgwQuirksTest extends ServerQuirksContract {
    @Override
    protected S3TestServer server() throws Exception {
        return CephRgw.sharedUser();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return CephRgw.sharedOtherUser();
    }

    @Override
    protected ExecutionInterceptor emptyCompleteEtag() {
        return NONE;
    }

    @Override
    protected ExecutionInterceptor noCopySourceIfMatch() {
        return NONE;
    }
}

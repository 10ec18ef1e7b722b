package io.replicator.s3sync;

import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** RGW's quirks reproduced on S3Proxy by the client's interceptors. */
class RgwQuirksOnS3ProxyTest extends ServerQuirksContract {
    @Override
    protected S3TestServer server() throws Exception {
        return S3ProxyFixture.shared();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return S3ProxyFixture.sharedOther();
    }

    @Override
    protected ExecutionInterceptor emptyCompleteEtag() {
        return EMPTY_COMPLETE_ETAG;
    }

    @Override
    protected ExecutionInterceptor noCopySourceIfMatch() {
        return NO_COPY_SOURCE_IF_MATCH;
    }
}

package io.replicator.s3sync;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** RGW's quirks reproduced on S3Proxy by the client's interceptors. */
class RgwQuirksOnS3ProxyTest extends ServerQuirksContract {
    RgwQuirksOnS3ProxyTest() {
        super(ContractServers.S3PROXY);
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

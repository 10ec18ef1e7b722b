package io.replicator.s3sync;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The same cases against Ceph RGW 16, which has both quirks itself. */
class RgwQuirksTest extends ServerQuirksContract {
    RgwQuirksTest() {
        super(ContractServers.RGW);
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

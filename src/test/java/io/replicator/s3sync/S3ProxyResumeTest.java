package io.replicator.s3sync;

import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;

class S3ProxyResumeTest extends ResumeContract {
    @Override
    protected S3TestServer server() throws Exception {
        return S3ProxyFixture.shared();
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return S3ProxyFixture.sharedOther();
    }
}

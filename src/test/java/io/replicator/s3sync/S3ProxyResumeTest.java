package io.replicator.s3sync;

class S3ProxyResumeTest extends ResumeContract {
    S3ProxyResumeTest() {
        super(ContractServers.S3PROXY);
    }
}

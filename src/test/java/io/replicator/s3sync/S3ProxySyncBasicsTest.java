package io.replicator.s3sync;

class S3ProxySyncBasicsTest extends SyncBasicsContract {
    S3ProxySyncBasicsTest() {
        super(ContractServers.S3PROXY);
    }
}

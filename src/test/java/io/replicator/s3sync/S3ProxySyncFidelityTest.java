package io.replicator.s3sync;

class S3ProxySyncFidelityTest extends SyncFidelityContract {
    S3ProxySyncFidelityTest() {
        super(ContractServers.S3PROXY);
    }
}

package io.replicator.s3sync;

class S3ProxySyncLocalTest extends SyncLocalContract {
    S3ProxySyncLocalTest() {
        super(ContractServers.S3PROXY);
    }
}

package io.replicator.s3sync;

class S3ProxySyncStateTest extends SyncStateContract {
    S3ProxySyncStateTest() {
        super(ContractServers.S3PROXY);
    }
}

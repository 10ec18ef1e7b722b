package io.replicator.s3sync;

class S3ProxySyncSafetyTest extends SyncSafetyContract {
    S3ProxySyncSafetyTest() {
        super(ContractServers.S3PROXY);
    }
}

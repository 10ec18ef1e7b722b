package io.replicator.s3sync;

class S3ProxyKeepReplacedTest extends KeepReplacedContract {
    S3ProxyKeepReplacedTest() {
        super(ContractServers.S3PROXY);
    }
}

package io.replicator.s3sync;

/** keep-replaced against Ceph RGW: server-side within one user, streamed to the second user; tags kept. */
class RgwKeepReplacedTest extends KeepReplacedContract {
    RgwKeepReplacedTest() {
        super(ContractServers.RGW);
    }
}

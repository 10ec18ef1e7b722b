package io.replicator.s3sync;

/**
 * The fidelity contract against Ceph RGW: server-side within one user, streamed to the second user
 * (same radosgw, other credentials and buckets, another FaultProxy: a different endpoint to the engine).
 */
class RgwSyncFidelityTest extends SyncFidelityContract {
    RgwSyncFidelityTest() {
        super(ContractServers.RGW);
    }
}

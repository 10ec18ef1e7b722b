package io.replicator.s3sync;

/**
 * The safety contract against Ceph RGW: server-side within one user, streamed to the second user
 * (same radosgw, other credentials and buckets, another FaultProxy: a different endpoint to the engine).
 */
class RgwSyncSafetyTest extends SyncSafetyContract {
    RgwSyncSafetyTest() {
        super(ContractServers.RGW);
    }
}

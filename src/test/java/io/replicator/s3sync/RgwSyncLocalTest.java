package io.replicator.s3sync;

/**
 * The local contract against Ceph RGW: server-side within one user, streamed to the second user
 * (same radosgw, other credentials and buckets, another FaultProxy: a different endpoint to the engine).
 */
class RgwSyncLocalTest extends SyncLocalContract {
    RgwSyncLocalTest() {
        super(ContractServers.RGW);
    }
}

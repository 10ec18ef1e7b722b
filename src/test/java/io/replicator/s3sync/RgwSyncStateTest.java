package io.replicator.s3sync;

/** The sync-state contract against Ceph RGW: server-side within one user, streamed to the second user. */
class RgwSyncStateTest extends SyncStateContract {
    RgwSyncStateTest() {
        super(ContractServers.RGW);
    }
}

package io.replicator.s3sync;

/** The resume contract against Ceph RGW: server-side within one user, streamed to the second user. */
class RgwResumeTest extends ResumeContract {
    RgwResumeTest() {
        super(ContractServers.RGW);
    }
}

package io.replicator.s3sync;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract against MinIO; skipped where no Docker engine runs. Second server: S3Proxy. */
@Testcontainers(disabledWithoutDocker = true)
class MinioSyncStateTest extends SyncStateContract {
    MinioSyncStateTest() {
        super(ContractServers.MINIO);
    }
}

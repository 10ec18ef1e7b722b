package io.replicator.s3sync;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The resume contract against MinIO; skipped where no Docker engine runs. Second server: S3Proxy. */
@Testcontainers(disabledWithoutDocker = true)
class MinioResumeTest extends ResumeContract {
    MinioResumeTest() {
        super(ContractServers.MINIO);
    }
}

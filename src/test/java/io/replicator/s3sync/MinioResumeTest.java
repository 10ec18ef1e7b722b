package io.replicator.s3sync;

import io.replicator.testing.MinioFixture;
import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The resume contract against MinIO; skipped where no Docker engine runs. Second server: S3Proxy. */
@Testcontainers(disabledWithoutDocker = true)
class MinioResumeTest extends ResumeContract {
    @Container
    static final MinIOContainer MINIO = MinioFixture.container();
    private static MinioFixture fixture;

    @Override
    protected synchronized S3TestServer server() {
        if (fixture == null) {
            fixture = new MinioFixture(MINIO);
        }
        return fixture;
    }

    @Override
    protected S3TestServer secondServer() throws Exception {
        return S3ProxyFixture.sharedOther();
    }
}

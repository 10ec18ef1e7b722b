package io.replicator.testing;

import java.net.URI;
import org.testcontainers.containers.MinIOContainer;

/** A MinIO container (Testcontainers) as an S3 test server; only usable where Docker runs. */
public final class MinioFixture extends S3TestServer {
    public static final String IMAGE = "minio/minio:RELEASE.2023-09-04T19-57-37Z";

    private static MinioFixture shared;

    private final MinIOContainer container;

    public MinioFixture(MinIOContainer container) {
        QuietLogs.apply();
        this.container = container;
    }

    /** One container for all tests of this JVM (tests use unique bucket names); stopped at exit. */
    public static synchronized MinioFixture shared() {
        if (shared == null) {
            MinIOContainer container = container();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            shared = new MinioFixture(container);
        }
        return shared;
    }

    public static MinIOContainer container() {
        return new MinIOContainer(IMAGE).withUserName("minio-test-user").withPassword("minio-test-secret-key");
    }

    @Override
    public URI endpoint() {
        return URI.create(container.getS3URL());
    }

    @Override
    public String accessKey() {
        return container.getUserName();
    }

    @Override
    public String secretKey() {
        return container.getPassword();
    }
}

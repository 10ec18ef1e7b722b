package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.demo.embedded.EmbeddedS3;
import io.replicator.testing.QuietLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3Test {
    @TempDir
    Path dir;

    @Test
    void filesystemBackendKeepsObjectsAcrossRestartsAndChecksSignatures() throws Exception {
        QuietLogs.apply();
        EmbeddedS3.Options o = new EmbeddedS3.Options(dir, "127.0.0.1", 0, "demo-key", "demo-secret");
        assertThat(o.toString()).doesNotContain("demo-secret");
        try (EmbeddedS3 s3 = EmbeddedS3.start(o); S3Client c = S3ClientFactory.create(
                S3Remote.of("demo", s3.endpoint(), "demo-key", "demo-secret"))) {
            assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
            c.createBucket(b -> b.bucket("demo"));
            c.putObject(b -> b.bucket("demo").key("k"), RequestBody.fromString("persisted"));
            try (S3Client wrong = S3ClientFactory.create(S3Remote.of("x", s3.endpoint(), "demo-key", "nope"))) {
                assertThatThrownBy(() -> wrong.listObjectsV2(b -> b.bucket("demo")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            }
        }
        assertThat(dir.resolve("demo/k")).exists();
        try (EmbeddedS3 again = EmbeddedS3.start(o); S3Client c = S3ClientFactory.create(
                S3Remote.of("demo", again.endpoint(), "demo-key", "demo-secret"))) {
            assertThat(c.getObjectAsBytes(b -> b.bucket("demo").key("k")).asUtf8String()).isEqualTo("persisted");
        }
    }

    @Test
    void transientBackendStartsEmpty() throws Exception {
        QuietLogs.apply();
        try (EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.transientStore("k", "s"));
             S3Client c = S3ClientFactory.create(S3Remote.of("t", s3.endpoint(), "k", "s"))) {
            assertThat(c.listBuckets().buckets()).isEmpty();
            c.createBucket(b -> b.bucket("mem"));
            assertThat(c.listBuckets().buckets()).hasSize(1);
        }
        assertThatThrownBy(() -> new EmbeddedS3.Options(null, null, 0, "k", " "))
                .hasMessageContaining("secret key");
    }
}

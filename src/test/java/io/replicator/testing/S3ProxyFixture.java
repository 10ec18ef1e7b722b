package io.replicator.testing;

import io.replicator.demo.embedded.EmbeddedS3;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** An in-process S3Proxy on a random port with SigV4, storing under a temp dir (or in memory). */
public final class S3ProxyFixture extends S3TestServer {
    private final EmbeddedS3 server;
    private final Path dir;
    private final String accessKey;
    private final String secretKey;

    private S3ProxyFixture(Path dir, String accessKey, String secretKey) throws Exception {
        QuietLogs.apply();
        this.dir = dir;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.server = EmbeddedS3.start(new EmbeddedS3.Options(dir, "127.0.0.1", 0, accessKey, secretKey));
    }

    private static S3ProxyFixture shared;
    private static S3ProxyFixture sharedOther;

    /** One filesystem-backed server for all tests of this JVM (tests use unique bucket names). */
    public static synchronized S3ProxyFixture shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A second shared server with other credentials: a different endpoint for cross-endpoint tests. */
    public static synchronized S3ProxyFixture sharedOther() throws Exception {
        if (sharedOther == null) {
            sharedOther = start();
            Runtime.getRuntime().addShutdownHook(new Thread(sharedOther::close));
        }
        return sharedOther;
    }

    /** Filesystem backend in a fresh temp dir, random credentials. */
    public static S3ProxyFixture start() throws Exception {
        return new S3ProxyFixture(Files.createTempDirectory("s3proxy-fixture"), "AK" + shortId(), "SK" + UUID.randomUUID());
    }

    /** In-memory backend (fast listings), random credentials. */
    public static S3ProxyFixture startTransient() throws Exception {
        return new S3ProxyFixture(null, "AK" + shortId(), "SK" + UUID.randomUUID());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        super.close();
        server.close();
        if (dir != null) {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (Exception ignored) {
                // temp dir cleanup is best effort
            }
        }
    }
}

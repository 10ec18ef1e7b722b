package io.replicator.demo.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3 server (S3Proxy 4.1.0) running inside this JVM: SigV4 authentication, buckets stored
 * under {@link Options#dataDir()} or in memory when no directory is given. Used by the local demo
 * profile and by the tests.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** dataDir null = transient in-memory store; port 0 = any free port. */
    public record Options(Path dataDir, String host, int port, String accessKey, String secretKey) {
        public Options {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("embedded S3 port out of range: " + port);
            }
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("embedded S3 needs an access key and a secret key");
            }
        }

        public static Options transientStore(String accessKey, String secretKey) {
            return new Options(null, "127.0.0.1", 0, accessKey, secretKey);
        }

        @Override
        public String toString() {
            return "Options[dataDir=" + dataDir + ", host=" + host + ", port=" + port
                    + ", accessKey=" + accessKey + ", secretKey=***]";
        }
    }

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static EmbeddedS3 start(Options o) throws Exception {
        Objects.requireNonNull(o, "options");
        BlobStore store;
        if (o.dataDir() == null) {
            store = new TransientNio2BlobStore();
        } else {
            Files.createDirectories(o.dataDir());
            store = new FilesystemNio2BlobStore(o.dataDir().toAbsolutePath().toString());
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + o.host() + ":" + o.port()))
                .awsAuthentication(AuthenticationType.AWS_V4, o.accessKey(), o.secretKey())
                .build();
        proxy.start(); // Jetty's start() returns once the connector is bound
        return new EmbeddedS3(proxy, URI.create("http://" + o.host() + ":" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping embedded S3 at " + endpoint + " failed", e);
        }
    }
}

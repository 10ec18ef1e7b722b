package io.replicator.testing;

import io.replicator.s3sync.S3ClientFactory;
import io.replicator.s3sync.S3Remote;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 server for tests (embedded S3Proxy or a MinIO container) with helpers that talk to it
 * directly (never through a FaultProxy), so setup and inspection are not counted.
 */
public abstract class S3TestServer implements AutoCloseable {
    /** One listed object as the server reports it; etag unquoted. */
    public record Listed(long size, String etag) {
    }

    private S3Client admin;

    public abstract URI endpoint();

    public abstract String accessKey();

    public abstract String secretKey();

    /** A remote for the engine pointing straight at this server. */
    public S3Remote remote(String name) {
        return S3Remote.of(name, endpoint(), accessKey(), secretKey());
    }

    /** A remote for the engine going through {@code proxy} (which must front this server). */
    public S3Remote remoteVia(FaultProxy proxy, String name) {
        return S3Remote.of(name, proxy.endpoint(), accessKey(), secretKey());
    }

    public synchronized S3Client client() {
        if (admin == null) {
            admin = newAdminClient();
        }
        return admin;
    }

    /** The client of the setup and inspection helpers; a server may need other settings. */
    protected S3Client newAdminClient() {
        return S3ClientFactory.create(remote("test-admin"));
    }

    public void createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
    }

    public String put(String bucket, String key, byte[] data) {
        return put(bucket, key, data, b -> { });
    }

    /** PUT with extra request settings (content type, metadata...); returns the unquoted ETag. */
    public String put(String bucket, String key, byte[] data, Consumer<PutObjectRequest.Builder> extra) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket).key(key);
        extra.accept(b);
        return unquote(client().putObject(b.build(), RequestBody.fromBytes(data)).eTag());
    }

    /** A real multipart upload with parts of {@code partSize} bytes; returns the ETag ("...-N"). */
    public String putMultipart(String bucket, String key, byte[] data, int partSize) {
        String id = client().createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/x-test")
                .metadata(Map.of("origin", "multipart"))).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int off = 0, n = 1; off < data.length; off += partSize, n++) {
            byte[] part = Arrays.copyOfRange(data, off, Math.min(data.length, off + partSize));
            int pn = n;
            String etag = client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(pn),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(pn).eTag(etag).build());
        }
        return unquote(client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag());
    }

    /** A real multipart upload with the given part sizes in order (the last may be shorter); returns the ETag. */
    public String putMultipart(String bucket, String key, byte[] data, long... partSizes) {
        String id = client().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        int off = 0;
        for (int i = 0; i < partSizes.length && off < data.length; i++) {
            byte[] part = Arrays.copyOfRange(data, off, (int) Math.min(data.length, off + partSizes[i]));
            off += part.length;
            int pn = i + 1;
            String etag = client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(pn),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(pn).eTag(etag).build());
        }
        String etag = unquote(client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag());
        return etag == null || etag.isEmpty() ? unquote(head(bucket, key).eTag()) : etag; // RGW may answer ""
    }

    /** All objects of a bucket in listing order. */
    public Map<String, Listed> list(String bucket) {
        Map<String, Listed> out = new LinkedHashMap<>();
        for (S3Object o : client().listObjectsV2Paginator(b -> b.bucket(bucket)
                .encodingType(software.amazon.awssdk.services.s3.model.EncodingType.URL)).contents()) {
            out.put(o.key(), new Listed(o.size(), unquote(o.eTag())));
        }
        return out;
    }

    public byte[] get(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public HeadObjectResponse head(String bucket, String key) {
        return client().headObject(b -> b.bucket(bucket).key(key));
    }

    public void delete(String bucket, String key) {
        client().deleteObject(b -> b.bucket(bucket).key(key));
    }

    public static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}

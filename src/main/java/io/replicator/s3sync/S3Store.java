package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.*;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** One bucket (and prefix) on an S3 endpoint: the requests a sync needs, keys relative to the prefix. */
final class S3Store implements Store {
    private static final String OCTET_STREAM = "application/octet-stream";

    final BucketRef ref;
    final S3Remote remote;
    final S3Client client;
    private final DirectObjects direct;
    private final AtomicBoolean partHeadUnsupported = new AtomicBoolean();
    private final ProtectionHeaders protection;

    /** direct: the lean path for small objects, null to send everything through the S3Client. */
    S3Store(BucketRef ref, S3Client client, DirectObjects direct) {
        this(ref, client, direct, ProtectionHeaders.NONE);
    }

    /** protection: what objects written here get (a destination's storage class and encryption). */
    S3Store(BucketRef ref, S3Client client, DirectObjects direct, ProtectionHeaders protection) {
        this.ref = ref;
        this.remote = (S3Remote) ref.remote();
        this.client = client;
        this.direct = direct;
        this.protection = protection;
    }

    DestinationProtection protection() {
        return protection.protection();
    }

    String fullKey(String key) {
        return ref.prefix() + key;
    }

    BucketLister list(int pageSize, java.util.concurrent.Executor prefetch) {
        return new BucketLister(client, ref.bucket(), ref.prefix(), pageSize, prefetch);
    }

    void createBucket() {
        client.createBucket(b -> b.bucket(ref.bucket()));
    }

    /** Whether writes here carry a storage class, encryption or an SSE-C key of the job's. */
    boolean protectsWrites() {
        return protection.any();
    }

    /** Server-side copy needs both sides on one endpoint with one set of credentials. */
    boolean canCopyFrom(S3Store source) {
        return remote.sameAccountAs(source.remote);
    }

    @Override
    public ObjectMeta meta(ObjectEntry e) {
        return toMeta(client.headObject(b -> protection.withKey(b.bucket(ref.bucket()).key(fullKey(e.key()))
                .versionId(e.versionId()).ifMatch(quoted(e)))));
    }

    /** The object's current ETag as a HEAD answers it (quoted, as the server sends it). */
    String etagOf(String key) {
        return client.headObject(b -> protection.withKey(b.bucket(ref.bucket()).key(fullKey(key)))).eTag();
    }

    /** The part size of a multipart object as uploaded, with the object's metadata; partSize 0 = unknown. */
    record PartInfo(long partSize, ObjectMeta meta) {
    }

    /**
     * HEAD ?partNumber=1: exact part size where the server supports it (AWS, MinIO), and the
     * metadata in the same request. Ceph RGW 16 ignores partNumber (whole object, no parts count:
     * no answer). S3Proxy answers 501; that is remembered for the rest of the run.
     */
    PartInfo firstPart(ObjectEntry e) {
        if (!partHeadUnsupported.get()) {
            try {
                HeadObjectResponse h = client.headObject(b -> b.bucket(ref.bucket()).key(fullKey(e.key()))
                        .versionId(e.versionId()).ifMatch(quoted(e)).partNumber(1));
                if (h.partsCount() != null && h.partsCount() > 0) {
                    return new PartInfo(h.contentLength(), toMeta(h));
                }
            } catch (S3Exception ex) {
                if (ex.statusCode() != 501 && ex.statusCode() != 400) {
                    throw ex;
                }
                partHeadUnsupported.set(true);
            }
        }
        return new PartInfo(0, null);
    }

    @Override
    public Opened open(ObjectEntry e, long offset, long length) {
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(ref.bucket()).key(fullKey(e.key()))
                .versionId(e.versionId());
        if (e.etag() != null) {
            b.ifMatch(quoted(e));
        }
        if (length > 0 && (offset > 0 || length < e.size())) {
            b.range("bytes=" + offset + "-" + (offset + length - 1));
        }
        ResponseInputStream<GetObjectResponse> in = client.getObject(protection.withKey(b).build());
        return new Opened(in, toMeta(in.response()));
    }

    /** A whole object of at most {@link DirectObjects#MAX_SIZE} bytes, in memory. */
    DirectObjects.Fetched readSmall(ObjectEntry e) throws IOException {
        // the direct path reads current objects only, and sends no SSE-C key
        if (direct != null && e.versionId() == null && !protection.customerKey()) {
            DirectObjects.Fetched f = direct.get(ref.bucket(), fullKey(e.key()), e.etag() == null ? null : quoted(e), e.size());
            if (f != null) {
                return f;
            }
        }
        Opened o = open(e, 0, e.size());
        try (InputStream in = o.in()) {
            return new DirectObjects.Fetched(in.readAllBytes(), o.meta());
        }
    }

    /** PUT of an in-memory object; md5Hex is its MD5 (sent as Content-MD5). */
    String putSmall(String key, ObjectMeta meta, byte[] body, String md5Hex, String tagging) {
        if (direct != null && !protection.any() && !meta.protection().locked()) {
            String etag = direct.put(ref.bucket(), fullKey(key), meta, body, md5Hex, tagging);
            if (etag != null) {
                return etag;
            }
        }
        return put(key, meta, ContentStreamProvider.fromByteArrayUnsafe(body), body.length, md5Hex, tagging);
    }

    /**
     * md5Hex: the body's MD5 when known (a plain source ETag), sent as Content-MD5 so the server
     * verifies the body; a streamed body is checked against the answered ETag ({@link UploadCheck}).
     */
    String put(String key, ObjectMeta meta, ContentStreamProvider body, long length, String md5Hex, String tagging) {
        return putResponse(key, meta, body, length, md5Hex, tagging).eTag();
    }

    /** {@link #put}, answering the whole response (a versioned bucket's new version id is in it). */
    PutObjectResponse putResponse(String key, ObjectMeta meta, ContentStreamProvider body, long length, String md5Hex,
                                  String tagging) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(ref.bucket()).key(fullKey(key)).tagging(tagging)
                .contentMD5(md5Hex == null ? null : Md5.contentMd5(md5Hex))
                .contentLength(length).contentType(meta.contentType()).cacheControl(meta.cacheControl())
                .contentEncoding(meta.contentEncoding()).contentDisposition(meta.contentDisposition())
                .contentLanguage(meta.contentLanguage()).expires(meta.expires()).metadata(meta.userMetadata());
        String type = meta.contentType() == null ? OCTET_STREAM : meta.contentType();
        PutObjectRequest request = protection.onCreate(b, meta.protection()).build();
        PutObjectResponse[] answered = new PutObjectResponse[1];
        UploadCheck.verified("PUT of '" + key + "'", body, () -> {
            PutObjectResponse r = client.putObject(request, RequestBody.fromContentProvider(body, length, type));
            answered[0] = r;
            return new UploadCheck.Answer(r.eTag(), r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm());
        });
        return answered[0];
    }

    /**
     * Server-side single-request copy; metadata travels with it (directive COPY). written: the
     * storage class and lock to give the copy (the source's as far as they are carried).
     */
    String copyFrom(S3Store src, ObjectEntry e, String key, ObjectProtection written) {
        return client.copyObject(b -> protection.onCreate(b.sourceBucket(src.ref.bucket()).sourceKey(src.fullKey(e.key()))
                .sourceVersionId(e.versionId()).copySourceIfMatch(quoted(e)).destinationBucket(ref.bucket())
                .destinationKey(fullKey(key)), written))
                .copyObjectResult().eTag();
    }

    /**
     * Whether the bucket has Object Lock enabled (GET ?object-lock). No configuration (404), no
     * support (S3Proxy: 501) or no permission to ask all count as no.
     */
    boolean objectLockEnabled() {
        try {
            ObjectLockConfiguration c = client.getObjectLockConfiguration(b -> b.bucket(ref.bucket()))
                    .objectLockConfiguration();
            return c != null && c.objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (S3Exception e) {
            if (e.statusCode() >= 500 && e.statusCode() != 501) {
                throw e;
            }
            return false;
        }
    }

    /** Sets an object's retention and legal hold (PUT ?retention, PUT ?legal-hold), as far as the protection has them. */
    void putLock(String key, ObjectProtection p) {
        if (p.lockMode() != null && p.retainUntil() != null) {
            client.putObjectRetention(b -> b.bucket(ref.bucket()).key(fullKey(key))
                    .retention(r -> r.mode(p.lockMode()).retainUntilDate(p.retainUntil())));
        }
        if (p.legalHold()) {
            client.putObjectLegalHold(b -> b.bucket(ref.bucket()).key(fullKey(key))
                    .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        }
    }

    /** The object's tags (GET ?tagging). Throws the server's answer (S3Proxy: 501) where tagging is not supported. */
    List<Tag> tags(ObjectEntry e) {
        return client.getObjectTagging(b -> b.bucket(ref.bucket()).key(fullKey(e.key())).versionId(e.versionId()))
                .tagSet();
    }

    /** Replaces the object's tags (PUT ?tagging). */
    void putTags(String key, List<Tag> tags) {
        client.putObjectTagging(b -> b.bucket(ref.bucket()).key(fullKey(key)).tagging(t -> t.tagSet(tags)));
    }

    /** Tags as x-amz-tagging carries them (a URL-encoded query); null for none. */
    static String taggingHeader(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        StringBuilder q = new StringBuilder();
        for (Tag t : tags) {
            q.append(q.length() == 0 ? "" : "&").append(SdkHttpUtils.urlEncode(t.key())).append('=')
                    .append(SdkHttpUtils.urlEncode(t.value()));
        }
        return q.toString();
    }

    String createMultipart(String key, ObjectMeta meta) {
        return client.createMultipartUpload(b -> protection.onCreate(b.bucket(ref.bucket()).key(fullKey(key))
                .contentType(meta.contentType()).cacheControl(meta.cacheControl())
                .contentEncoding(meta.contentEncoding()).contentDisposition(meta.contentDisposition())
                .contentLanguage(meta.contentLanguage()).expires(meta.expires()).metadata(meta.userMetadata()),
                meta.protection())).uploadId();
    }

    String uploadPart(String key, String uploadId, int part, ContentStreamProvider body, long length) {
        UploadPartRequest request = protection.withKey(UploadPartRequest.builder().bucket(ref.bucket()).key(fullKey(key))
                .uploadId(uploadId).partNumber(part).contentLength(length)).build();
        return UploadCheck.verified("part " + part + " of '" + key + "'", body, () -> {
            UploadPartResponse r = client.uploadPart(request, RequestBody.fromContentProvider(body, length, OCTET_STREAM));
            return new UploadCheck.Answer(r.eTag(), r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm());
        });
    }

    String uploadPartCopy(S3Store src, ObjectEntry e, String key, String uploadId, int part, long offset, long len) {
        String range = "bytes=" + offset + "-" + (offset + len - 1);
        return client.uploadPartCopy(b -> protection.withKey(b.sourceBucket(src.ref.bucket()).sourceKey(src.fullKey(e.key()))
                .sourceVersionId(e.versionId()).copySourceIfMatch(quoted(e)).copySourceRange(len > 0 ? range : null)
                .destinationBucket(ref.bucket()).destinationKey(fullKey(key)).uploadId(uploadId).partNumber(part)))
                .copyPartResult().eTag();
    }

    String complete(String key, String uploadId, List<CompletedPart> parts) {
        return client.completeMultipartUpload(b -> protection.withKey(b.bucket(ref.bucket()).key(fullKey(key))
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts)))).eTag();
    }

    /** The parts an open upload holds (ListParts, all pages): part number -> (size, ETag). */
    Map<Integer, ListedPart> listParts(String key, String uploadId) {
        Map<Integer, ListedPart> parts = new HashMap<>();
        for (Part p : client.listPartsPaginator(b -> b.bucket(ref.bucket())
                .key(fullKey(key)).uploadId(uploadId)).parts()) {
            parts.put(p.partNumber(), new ListedPart(p.size() == null ? -1 : p.size(), p.eTag()));
        }
        return parts;
    }

    /** One part an open upload holds. */
    record ListedPart(long size, String etag) {
    }

    void abort(String key, String uploadId) {
        client.abortMultipartUpload(b -> b.bucket(ref.bucket()).key(fullKey(key)).uploadId(uploadId));
    }

    /** One DeleteObjects request (quiet mode) for up to 1000 keys; returns key -> error for failures. */
    Map<String, String> deleteBatch(List<String> keys) {
        List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
        for (String k : keys) {
            ids.add(ObjectIdentifier.builder().key(fullKey(k)).build());
        }
        DeleteObjectsResponse r = client.deleteObjects(b -> b.bucket(ref.bucket()).delete(d -> d.quiet(true).objects(ids)));
        Map<String, String> errors = new HashMap<>();
        for (S3Error err : r.errors()) {
            String key = err.key() != null && err.key().startsWith(ref.prefix())
                    ? err.key().substring(ref.prefix().length()) : String.valueOf(err.key());
            errors.put(key, err.code() + " " + err.message());
        }
        return errors;
    }

    private static String quoted(ObjectEntry e) {
        return Etags.quoted(e.etag());
    }

    private static ObjectMeta toMeta(GetObjectResponse r) {
        return new ObjectMeta(r.contentType(), r.cacheControl(), r.contentEncoding(), r.contentDisposition(),
                r.contentLanguage(), r.expires(), nonEmpty(r.metadata()), r.tagCount() == null ? 0 : r.tagCount(),
                Etags.opaqueEncryption(r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm()),
                ObjectProtection.of(r.storageClassAsString(), r.objectLockModeAsString(), r.objectLockRetainUntilDate(),
                        r.objectLockLegalHoldStatusAsString()));
    }

    private static ObjectMeta toMeta(HeadObjectResponse r) {
        return new ObjectMeta(r.contentType(), r.cacheControl(), r.contentEncoding(), r.contentDisposition(),
                r.contentLanguage(), r.expires(), nonEmpty(r.metadata()), null, false,
                ObjectProtection.of(r.storageClassAsString(), r.objectLockModeAsString(), r.objectLockRetainUntilDate(),
                        r.objectLockLegalHoldStatusAsString()));
    }

    private static Map<String, String> nonEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}

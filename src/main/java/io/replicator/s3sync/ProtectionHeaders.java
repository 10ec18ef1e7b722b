package io.replicator.s3sync;

import java.time.Instant;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Puts a {@link DestinationProtection} and a carried Object Lock (the source protection's, when
 * {@link ObjectLockCarrier} kept it) on the requests that write (and,
 * for SSE-C, read) destination objects. Requests that create an object get the storage class,
 * the encryption and the lock; with SSE-C every request that touches the object's bytes also
 * carries the key (UploadPart, UploadPartCopy, CompleteMultipartUpload, HEAD, GET).
 */
final class ProtectionHeaders {
    static final ProtectionHeaders NONE = new ProtectionHeaders(DestinationProtection.NONE);
    private static final String AES256 = "AES256";

    private final DestinationProtection protection;
    private final CustomerKey key;

    ProtectionHeaders(DestinationProtection protection) {
        this.protection = protection;
        this.key = protection.encryption().customerKey();
    }

    DestinationProtection protection() {
        return protection;
    }

    /** Anything to add: the hand-rolled small-object path does not speak these headers. */
    boolean any() {
        return !protection.equals(DestinationProtection.NONE);
    }

    boolean customerKey() {
        return key != null;
    }

    PutObjectRequest.Builder onCreate(PutObjectRequest.Builder b, ObjectProtection src) {
        Written w = written(src);
        return b.storageClass(w.storageClass).serverSideEncryption(w.sse).ssekmsKeyId(w.kmsKeyId)
                .sseCustomerAlgorithm(w.algorithm).sseCustomerKey(w.key).sseCustomerKeyMD5(w.keyMd5)
                .objectLockMode(w.lockMode).objectLockRetainUntilDate(w.retainUntil).objectLockLegalHoldStatus(w.legalHold);
    }

    CopyObjectRequest.Builder onCreate(CopyObjectRequest.Builder b, ObjectProtection src) {
        Written w = written(src);
        return b.storageClass(w.storageClass).serverSideEncryption(w.sse).ssekmsKeyId(w.kmsKeyId)
                .sseCustomerAlgorithm(w.algorithm).sseCustomerKey(w.key).sseCustomerKeyMD5(w.keyMd5)
                .objectLockMode(w.lockMode).objectLockRetainUntilDate(w.retainUntil).objectLockLegalHoldStatus(w.legalHold);
    }

    CreateMultipartUploadRequest.Builder onCreate(CreateMultipartUploadRequest.Builder b, ObjectProtection src) {
        Written w = written(src);
        return b.storageClass(w.storageClass).serverSideEncryption(w.sse).ssekmsKeyId(w.kmsKeyId)
                .sseCustomerAlgorithm(w.algorithm).sseCustomerKey(w.key).sseCustomerKeyMD5(w.keyMd5)
                .objectLockMode(w.lockMode).objectLockRetainUntilDate(w.retainUntil).objectLockLegalHoldStatus(w.legalHold);
    }

    /** The header values of one created object; null ones are not sent (the SDK's builders take null as unset). */
    private record Written(String storageClass, ServerSideEncryption sse, String kmsKeyId, String algorithm, String key,
                           String keyMd5, String lockMode, Instant retainUntil, String legalHold) {
    }

    private Written written(ObjectProtection src) {
        boolean kms = protection.encryption().kind() == DestinationProtection.Encryption.Kind.SSE_KMS;
        boolean locked = src.locked();
        return new Written(protection.storageClass().forCopyOf(src), kms ? ServerSideEncryption.AWS_KMS : null,
                protection.encryption().kmsKeyId(), key == null ? null : AES256, key == null ? null : key.base64(),
                key == null ? null : key.md5Base64(), locked ? src.lockMode() : null, locked ? src.retainUntil() : null,
                locked && src.legalHold() ? "ON" : null);
    }

    UploadPartRequest.Builder withKey(UploadPartRequest.Builder b) {
        return key == null ? b : b.sseCustomerAlgorithm(AES256).sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5Base64());
    }

    UploadPartCopyRequest.Builder withKey(UploadPartCopyRequest.Builder b) {
        return key == null ? b : b.sseCustomerAlgorithm(AES256).sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5Base64());
    }

    CompleteMultipartUploadRequest.Builder withKey(CompleteMultipartUploadRequest.Builder b) {
        return key == null ? b : b.sseCustomerAlgorithm(AES256).sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5Base64());
    }

    HeadObjectRequest.Builder withKey(HeadObjectRequest.Builder b) {
        return key == null ? b : b.sseCustomerAlgorithm(AES256).sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5Base64());
    }

    GetObjectRequest.Builder withKey(GetObjectRequest.Builder b) {
        return key == null ? b : b.sseCustomerAlgorithm(AES256).sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5Base64());
    }
}

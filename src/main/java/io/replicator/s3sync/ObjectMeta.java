package io.replicator.s3sync;

import java.time.Instant;
import java.util.Map;

/**
 * The headers a copy carries over; null fields are absent. {@code tagCount}: the object's number of
 * tags as a GET tells it (x-amz-tagging-count), null where the answer did not say (HEAD, local files).
 * {@code encrypted}: the answer said SSE-KMS or SSE-C, whose 32-hex ETags are not the MD5 of the bytes.
 * {@code protection}: storage class and Object Lock as the answer said (on a copy: what to write).
 */
record ObjectMeta(String contentType, String cacheControl, String contentEncoding, String contentDisposition,
                  String contentLanguage, Instant expires, Map<String, String> userMetadata, Integer tagCount,
                  boolean encrypted, ObjectProtection protection) {
    static final ObjectMeta NONE = new ObjectMeta(null, null, null, null, null, null, Map.of());

    ObjectMeta(String contentType, String cacheControl, String contentEncoding, String contentDisposition,
               String contentLanguage, Instant expires, Map<String, String> userMetadata) {
        this(contentType, cacheControl, contentEncoding, contentDisposition, contentLanguage, expires, userMetadata, null,
                false, ObjectProtection.NONE);
    }

    ObjectMeta {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        protection = protection == null ? ObjectProtection.NONE : protection;
    }

    ObjectMeta withProtection(ObjectProtection p) {
        return new ObjectMeta(contentType, cacheControl, contentEncoding, contentDisposition, contentLanguage, expires,
                userMetadata, tagCount, encrypted, p);
    }
}

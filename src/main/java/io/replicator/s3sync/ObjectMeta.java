package io.replicator.s3sync;

import java.time.Instant;
import java.util.Map;

/** The headers a copy carries over; null fields are absent. */
record ObjectMeta(String contentType, String cacheControl, String contentEncoding, String contentDisposition,
                  String contentLanguage, Instant expires, Map<String, String> userMetadata) {
    static final ObjectMeta NONE = new ObjectMeta(null, null, null, null, null, null, Map.of());

    ObjectMeta {
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
    }
}

package io.replicator.s3sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket's versioning status (GET ?versioning). {@link #remembered} keeps an answer for an hour per
 * endpoint and bucket, so the versions=current warning costs one request per bucket and hour, not
 * one per run (a no-change run stays at its listings).
 */
final class BucketVersioning {
    static final Duration REMEMBERED_FOR = Duration.ofHours(1);

    enum Status {
        ENABLED, SUSPENDED, NEVER_ENABLED, UNSUPPORTED;

        /** The bucket holds (or held) versions: enabled now, or suspended after being enabled. */
        boolean hasHistory() {
            return this == ENABLED || this == SUSPENDED;
        }

        String describe() {
            return switch (this) {
                case ENABLED -> "versioning enabled";
                case SUSPENDED -> "versioning suspended";
                case NEVER_ENABLED -> "versioning never enabled";
                case UNSUPPORTED -> "the server does not support versioning";
            };
        }
    }

    private record Answer(Status status, long atNanos) {
    }

    private static final Map<String, Answer> REMEMBERED = new ConcurrentHashMap<>();

    private BucketVersioning() {
    }

    /** Asks the server now. A server without versioning (S3Proxy: 501) is UNSUPPORTED; other errors are thrown. */
    static Status of(S3Client client, String bucket) {
        try {
            GetBucketVersioningResponse r = client.getBucketVersioning(b -> b.bucket(bucket));
            if (r.status() == BucketVersioningStatus.ENABLED) {
                return Status.ENABLED;
            }
            return r.status() == BucketVersioningStatus.SUSPENDED ? Status.SUSPENDED : Status.NEVER_ENABLED;
        } catch (S3Exception e) {
            if (e.statusCode() == 501 || "NotImplemented".equals(e.awsErrorDetails() == null ? null
                    : e.awsErrorDetails().errorCode())) {
                return Status.UNSUPPORTED;
            }
            throw e;
        }
    }

    /** The status as asked within the last hour (asked now otherwise); null when the server would not say. */
    static Status remembered(S3Store store) {
        String id = store.remote.location() + " " + store.ref.bucket();
        Answer a = REMEMBERED.get(id);
        long now = System.nanoTime();
        if (a != null && now - a.atNanos() < REMEMBERED_FOR.toNanos()) {
            return a.status();
        }
        Status s;
        try {
            s = of(store.client, store.ref.bucket());
        } catch (RuntimeException e) {
            s = null; // 403 on ?versioning and the like: no warning rather than a failed sync
        }
        REMEMBERED.put(id, new Answer(s, now));
        return s;
    }
}

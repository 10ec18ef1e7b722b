package io.replicator.s3sync;

/** A run-stopping problem with a message meant for the operator (names remote/bucket/endpoint, no secrets). */
final class SyncFailure extends RuntimeException {
    SyncFailure(String message) {
        super(message);
    }

    SyncFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.replicator.s3sync;

import java.time.Instant;

/**
 * A source object's storage class and Object Lock state as its GET or HEAD answered them (null
 * fields: the answer did not say; STANDARD objects carry no storage-class header).
 */
record ObjectProtection(String storageClass, String lockMode, Instant retainUntil, boolean legalHold) {
    static final ObjectProtection NONE = new ObjectProtection(null, null, null, false);

    static ObjectProtection of(String storageClass, String lockMode, Instant retainUntil, String legalHold) {
        return new ObjectProtection(storageClass, lockMode, retainUntil, "ON".equalsIgnoreCase(legalHold));
    }

    /** The same without retention and legal hold: what is written where the destination cannot keep them. */
    ObjectProtection withoutLock() {
        return new ObjectProtection(storageClass, null, null, false);
    }

    /** A retention or a legal hold the destination should keep too. */
    boolean locked() {
        return (lockMode != null && retainUntil != null) || legalHold;
    }
}

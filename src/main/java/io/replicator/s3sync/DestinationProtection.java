package io.replicator.s3sync;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the destination's objects get beyond the source's headers: a storage class (property
 * {@code storage-class}) and server-side encryption ({@code encryption}, {@code sse-kms-key-id},
 * {@code sse-c-key}). Object Lock retention and legal holds need no setting: they are carried
 * where both buckets have Object Lock ({@link ObjectLockCarrier}).
 */
public record DestinationProtection(StorageClass storageClass, Encryption encryption) {
    public static final DestinationProtection NONE = new DestinationProtection(StorageClass.SERVER_DEFAULT,
            Encryption.NONE);

    public DestinationProtection {
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(encryption, "encryption");
    }

    /** The server's default class, one named class for every object, or each source object's own. */
    public record StorageClass(Choice choice, String name) {
        public enum Choice { SERVER_DEFAULT, FIXED, SOURCE }

        public static final StorageClass SERVER_DEFAULT = new StorageClass(Choice.SERVER_DEFAULT, null);
        private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

        /** Empty: the server's default; {@code source}: the source object's; else a class name such as STANDARD. */
        public static StorageClass parse(String text) {
            if (text == null || text.isBlank()) {
                return SERVER_DEFAULT;
            }
            if (text.strip().equals("source")) {
                return new StorageClass(Choice.SOURCE, null);
            }
            if (!NAME.matcher(text.strip()).matches()) {
                throw new IllegalArgumentException("must be a storage class name in capitals (STANDARD, "
                        + "STANDARD_IA, or one the destination defines) or 'source'");
            }
            return new StorageClass(Choice.FIXED, text.strip());
        }

        /** The class to ask for when writing a copy of an object with this source protection; null: leave it out. */
        String forCopyOf(ObjectProtection source) {
            return switch (choice) {
                case SERVER_DEFAULT -> null;
                case FIXED -> name;
                case SOURCE -> source.storageClass() == null ? "STANDARD" : source.storageClass();
            };
        }
    }

    /** None (the bucket's default), SSE-KMS with an optional key id, or SSE-C with a key of ours. */
    public record Encryption(Kind kind, String kmsKeyId, CustomerKey customerKey) {
        public enum Kind { NONE, SSE_KMS, SSE_C }

        public static final Encryption NONE = new Encryption(Kind.NONE, null, null);

        public Encryption {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.SSE_C) != (customerKey != null)) {
                throw new IllegalArgumentException("an SSE-C key goes with encryption sse-c, and only with it");
            }
            if (kmsKeyId != null && kind != Kind.SSE_KMS) {
                throw new IllegalArgumentException("a KMS key id goes with encryption sse-kms only");
            }
        }

        public static Encryption kms(String keyId) {
            return new Encryption(Kind.SSE_KMS, keyId == null || keyId.isBlank() ? null : keyId, null);
        }

        public static Encryption customerKey(CustomerKey key) {
            return new Encryption(Kind.SSE_C, null, Objects.requireNonNull(key, "key"));
        }

        /** The destination's ETags are then no MD5 of the bytes: never comparable with the source's. */
        boolean opaqueEtags() {
            return kind != Kind.NONE;
        }
    }

    /** The source object's class or lock state is needed to write its copy. */
    boolean needsSourceStorageClass() {
        return storageClass.choice() == StorageClass.Choice.SOURCE;
    }
}

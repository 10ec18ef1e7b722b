package io.replicator.config;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a bucket job's destination protection: {@code storage-class}, {@code encryption}
 * ({@code none}, {@code sse-kms}, {@code sse-c}), {@code sse-kms-key-id} and {@code sse-c-key}
 * (or {@code sse-c-key-file}, a secret). Problems name the property; the key's value never appears.
 */
final class ProtectionBinder {
    private static final Pattern STORAGE_CLASS = Pattern.compile("[A-Z][A-Z0-9_]{0,63}|source");
    private static final int KEY_BYTES = 32;

    private final PropertyReader in;

    ProtectionBinder(PropertyReader in) {
        this.in = in;
    }

    BucketSyncJobConfig.Protection protection(String p, RemoteConfig destination) {
        String storageClass = in.optional(p + "storage-class").map(String::strip).orElse(null);
        if (storageClass != null && !STORAGE_CLASS.matcher(storageClass).matches()) {
            in.problem(p + "storage-class", storageClass, "must be a storage class name in capitals (STANDARD, "
                    + "STANDARD_IA, or one the destination defines) or 'source'");
        }
        String text = in.string(p + "encryption", "none").strip().toLowerCase(Locale.ROOT);
        BucketSyncJobConfig.Protection.Encryption encryption = switch (text) {
            case "none" -> BucketSyncJobConfig.Protection.Encryption.NONE;
            case "sse-kms" -> BucketSyncJobConfig.Protection.Encryption.SSE_KMS;
            case "sse-c" -> BucketSyncJobConfig.Protection.Encryption.SSE_C;
            default -> {
                in.problem(p + "encryption", text, "must be none, sse-kms or sse-c");
                yield BucketSyncJobConfig.Protection.Encryption.NONE;
            }
        };
        String kmsKeyId = in.optional(p + "sse-kms-key-id").map(String::strip).orElse(null);
        if (kmsKeyId != null && encryption != BucketSyncJobConfig.Protection.Encryption.SSE_KMS) {
            in.problem(p + "sse-kms-key-id", kmsKeyId, "needs " + p + "encryption=sse-kms");
        }
        Secret key = customerKey(p, encryption);
        if (destination != null && destination.type() == RemoteConfig.Type.LOCAL
                && (storageClass != null || encryption != BucketSyncJobConfig.Protection.Encryption.NONE)) {
            in.problem(p + (storageClass != null ? "storage-class" : "encryption"), storageClass != null ? storageClass
                    : text, "applies to S3 destinations only; remote '" + destination.name() + "' is local");
        }
        return new BucketSyncJobConfig.Protection(storageClass, encryption, kmsKeyId, key);
    }

    private Secret customerKey(String p, BucketSyncJobConfig.Protection.Encryption encryption) {
        String k = p + "sse-c-key";
        Optional<Secret> key = in.secret(k);
        if (encryption != BucketSyncJobConfig.Protection.Encryption.SSE_C) {
            if (key.isPresent()) {
                in.problem(k, "****", "needs " + p + "encryption=sse-c");
            }
            return null;
        }
        if (key.isEmpty()) {
            in.problem(k, null, in.missing(k, "set " + k + "-file to a mounted secret file holding a base64 256-bit "
                    + "key (openssl rand -base64 32), or set it from the environment (e.g. {{env:MY_SSE_C_KEY}})"));
            return null;
        }
        try {
            if (Base64.getDecoder().decode(key.get().reveal()).length == KEY_BYTES) {
                return key.get();
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        in.problem(k, "****", "must be a base64-encoded 256-bit key (32 bytes, e.g. from openssl rand -base64 32)");
        return null;
    }
}

package io.replicator.s3sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An SSE-C key (256 bits): sent with every request that writes or reads a destination object, never
 * printed (toString is masked; errors name the property, never the value).
 */
public final class CustomerKey {
    private static final int BYTES = 32;
    private final String base64;
    private final String md5Base64;

    private CustomerKey(byte[] key) {
        this.base64 = Base64.getEncoder().encodeToString(key);
        try {
            this.md5Base64 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    /** The key as base64 text (as aws s3 and openssl rand -base64 32 give it); refused unless it is 32 bytes. */
    public static CustomerKey fromBase64(String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not base64 (expected a 256-bit key, e.g. from openssl rand -base64 32)");
        }
        if (key.length != BYTES) {
            throw new IllegalArgumentException("must be a 256-bit key (32 bytes, base64-encoded), got " + key.length
                    + " bytes");
        }
        return new CustomerKey(key);
    }

    String base64() {
        return base64;
    }

    String md5Base64() {
        return md5Base64;
    }

    @Override
    public String toString() {
        return "****";
    }
}

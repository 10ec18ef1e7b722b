package io.replicator.psk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One pre-shared key: an identity (raw bytes as in the key file, sent in clear in the ClientHello)
 * and its secret. The secret never leaves this package except through {@link #secretCopy()}, and
 * {@link #toString()} shows the identity only.
 */
public final class PskKey {
    /** stunnel refuses shorter keys ("unlikely to have sufficient entropy"). */
    public static final int MIN_SECRET_BYTES = 16;
    /** OpenSSL's PSK_MAX_PSK_LEN, enforced by stunnel. */
    public static final int MAX_SECRET_BYTES = 512;
    /** stunnel: identity plus its trailing NUL must fit PSK_MAX_IDENTITY_LEN (256). */
    public static final int MAX_IDENTITY_BYTES = 255;

    private final byte[] identity;
    private final byte[] secret;

    private PskKey(byte[] identity, byte[] secret) {
        if (identity.length == 0) {
            throw new IllegalArgumentException("PSK identity is empty (TLS 1.3 needs at least one byte)");
        }
        if (identity.length > MAX_IDENTITY_BYTES) {
            throw new IllegalArgumentException("PSK identity is " + identity.length
                    + " bytes, longer than " + MAX_IDENTITY_BYTES);
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("PSK for identity '" + LogSafe.identity(identity) + "' is "
                    + secret.length + " bytes, shorter than " + MIN_SECRET_BYTES);
        }
        if (secret.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException("PSK for identity '" + LogSafe.identity(identity) + "' is "
                    + secret.length + " bytes, longer than " + MAX_SECRET_BYTES);
        }
        this.identity = identity.clone();
        this.secret = secret.clone();
    }

    /** A key from raw identity bytes and secret bytes (both copied). */
    public static PskKey of(byte[] identity, byte[] secret) {
        return new PskKey(identity, secret);
    }

    /** A key whose identity is the UTF-8 encoding of {@code identity}. */
    public static PskKey of(String identity, byte[] secret) {
        return new PskKey(identity.getBytes(StandardCharsets.UTF_8), secret);
    }

    /** The identity decoded as UTF-8 (what logs and events show). */
    public String identity() {
        return new String(identity, StandardCharsets.UTF_8);
    }

    public byte[] identityBytes() {
        return identity.clone();
    }

    public int secretLength() {
        return secret.length;
    }

    /** A fresh copy of the secret: BouncyCastle may wipe the array it is handed. */
    byte[] secretCopy() {
        return secret.clone();
    }

    boolean hasIdentity(byte[] candidate) {
        return Arrays.equals(identity, candidate);
    }

    boolean sameSecret(PskKey other) {
        return java.security.MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public String toString() {
        return "PskKey[identity=" + LogSafe.identity(identity) + ", secret=<" + secret.length + " bytes hidden>]";
    }
}

package io.replicator.psk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes key-file lines like VolSync's generated default: {@code identity:} + 128 hex digits (64 random bytes). */
public final class PskKeyGenerator {
    public static final int SECRET_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PskKeyGenerator() {
    }

    /** One line (without newline) that {@link PskKeyFile} and stunnel both accept. */
    public static String generate(String identity) {
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > PskKey.MAX_IDENTITY_BYTES) {
            throw new IllegalArgumentException("identity must be 1.." + PskKey.MAX_IDENTITY_BYTES
                    + " bytes, got " + id.length);
        }
        for (byte b : id) {
            if (b == ':' || b == '\n' || b == '\r' || b == 0) {
                throw new IllegalArgumentException("identity must not contain ':', CR, LF or NUL: '"
                        + LogSafe.identity(id) + "'");
            }
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return identity + ":" + HexFormat.of().formatHex(secret);
    }
}

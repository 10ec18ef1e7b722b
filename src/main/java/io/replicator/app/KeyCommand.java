package io.replicator.app;

import java.security.SecureRandom;
import java.util.HexFormat;

/** keygen: a PSK line in stunnel's PSKsecrets format, 64 random bytes as hex (VolSync's default size). */
final class KeyCommand {
    static final String DEFAULT_IDENTITY = "volsync";

    private KeyCommand() {
    }

    static String generate(String identity) {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return identity + ":" + HexFormat.of().formatHex(key);
    }
}

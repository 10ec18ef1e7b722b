package io.replicator.app;

import io.replicator.psk.PskKeyGenerator;

/** keygen: a PSK line in stunnel's PSKsecrets format, 64 random bytes as hex (VolSync's default). */
final class KeyCommand {
    static final String DEFAULT_IDENTITY = "volsync";

    private KeyCommand() {
    }

    static String generate(String identity) {
        return PskKeyGenerator.generate(identity);
    }
}

package io.replicator.volume;

import io.replicator.psk.PskConnectionFailed;
import io.replicator.psk.PskHandshakeCompleted;

/**
 * Recognises the user events that carry a connection's authenticated TLS-PSK identity
 * ({@link PskHandshakeCompleted}) or its transport failure ({@link PskConnectionFailed}).
 * {@link Authenticated} is for other transports that authenticate peers.
 */
public final class PeerIdentity {
    private PeerIdentity() {
    }

    /** A user event another transport may fire to tell the destination which identity authenticated. */
    public record Authenticated(String identity) {
    }

    static String of(Object event) {
        if (event instanceof PskHandshakeCompleted c) {
            return c.identity();
        }
        if (event instanceof Authenticated a) {
            return a.identity();
        }
        return null;
    }

    /** A transport's "connection failed" event as text (e.g. a TLS-PSK handshake failure), else null. */
    static String failureOf(Object event) {
        if (event instanceof PskConnectionFailed f) {
            return "TLS-PSK connection failed (" + f.reason() + "): " + f.detail();
        }
        return null;
    }

    static String show(String identity) {
        return identity == null ? "(none: plain TCP)" : "\"" + identity + "\"";
    }
}

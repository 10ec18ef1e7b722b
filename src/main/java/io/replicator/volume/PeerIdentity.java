package io.replicator.volume;

/**
 * Recognises the user event that carries the authenticated TLS-PSK identity of a connection.
 * {@link Authenticated} is ours (tests, other transports); the TLS-PSK handler's own event is
 * recognised once that package is on the classpath of this branch.
 */
public final class PeerIdentity {
    private PeerIdentity() {
    }

    /** A user event a transport may fire to tell the destination which identity authenticated. */
    public record Authenticated(String identity) {
    }

    static String of(Object event) {
        if (event instanceof Authenticated a) {
            return a.identity();
        }
        return null;
    }

    /** A transport's "connection failed" event as text (e.g. a TLS-PSK handshake failure), else null. */
    static String failureOf(Object event) {
        return null;
    }

    static String show(String identity) {
        return identity == null ? "(none: plain TCP)" : "\"" + identity + "\"";
    }
}

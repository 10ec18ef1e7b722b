package io.replicator.psk;

/** Why a TLS-PSK connection was closed; {@link #tag()} is the metric tag value. */
public enum PskFailureReason {
    /** The peer holds a different key for the same identity (TLS 1.3 binder or Finished mismatch). */
    WRONG_KEY("wrong_key"),
    /** The client's identity is not in the server's key file. */
    UNKNOWN_IDENTITY("unknown_identity"),
    /** The peer does not speak TLS (its first bytes are no TLS record). */
    NOT_TLS("not_tls"),
    /** No completed handshake within {@link PskSettings#handshakeTimeout()}. */
    HANDSHAKE_TIMEOUT("handshake_timeout"),
    /** No traffic either way for {@link PskSettings#idleTimeout()}. */
    IDLE_TIMEOUT("idle_timeout"),
    /** Anything else: protocol errors, cipher/group mismatch, connection cut during the handshake. */
    OTHER("other");

    private final String tag;

    PskFailureReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}

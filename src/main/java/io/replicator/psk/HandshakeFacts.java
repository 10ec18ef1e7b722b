package io.replicator.psk;

/** What a BouncyCastle peer observed during one handshake; read by the handler to name a failure. */
final class HandshakeFacts {
    /** BC called notifyHandshakeComplete. */
    boolean completed;
    /** The identity that authenticated the peer. */
    String identity;
    /** Server: the client's pre_shared_key extension reached us. */
    boolean pskOffered;
    /** Server: the first identity the client offered when none was in our key ring (log-safe). */
    String unknownIdentity;
}

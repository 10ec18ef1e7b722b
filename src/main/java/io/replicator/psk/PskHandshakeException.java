package io.replicator.psk;

import java.io.IOException;

/** Fails {@link PskHandler#handshakeFuture()} and queued writes when a connection fails. */
public final class PskHandshakeException extends IOException {
    private final PskFailureReason reason;

    public PskHandshakeException(PskFailureReason reason, String detail) {
        super(reason.tag() + ": " + detail);
        this.reason = reason;
    }

    public PskFailureReason reason() {
        return reason;
    }
}

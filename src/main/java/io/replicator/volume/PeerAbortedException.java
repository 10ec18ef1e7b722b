package io.replicator.volume;

import java.io.IOException;

/** The peer sent ABORT (or REFUSED): the session is over; the message carries the peer's reason. */
public final class PeerAbortedException extends IOException {
    public PeerAbortedException(String message) {
        super(message);
    }
}

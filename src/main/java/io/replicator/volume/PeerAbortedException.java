package io.replicator.volume;

import java.io.IOException;

/** The peer sent ABORT or REFUSED: the session is over; the message carries the peer's reason. */
public final class PeerAbortedException extends IOException {
    private final boolean refused;

    public PeerAbortedException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** True for REFUSED (nothing was changed on the destination), false for ABORT. */
    public boolean refused() {
        return refused;
    }
}

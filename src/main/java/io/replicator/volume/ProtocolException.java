package io.replicator.volume;

import java.io.IOException;

/**
 * The peer broke the protocol (bad frame, bad field, out-of-bounds value, unsafe path). The message
 * names what was wrong and where; the session is refused or aborted and closed.
 */
public class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }
}

package io.replicator.volume;

import java.io.IOException;

/** The connection closed under a stream (the peer, the network, or our own side ending the session). */
final class ConnectionClosedException extends IOException {
    ConnectionClosedException(String message) {
        super(message);
    }
}

package io.replicator.volume;

import java.io.IOException;

/** A source file vanished or shrank while being read: it is skipped this time (FILE_SKIPPED), not an error. */
class SourceChangedException extends IOException {
    SourceChangedException(String message) {
        super(message);
    }
}

package io.replicator.delta;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The patched result does not match what the delta side read (whole-file SHA-256, length or basis
 * size differ): the basis was not the file that was signed, or it changed. The file must be resent whole.
 */
public final class DeltaVerificationException extends IOException {
    private final transient Path file;

    public DeltaVerificationException(Path file, String reason) {
        super("delta verification failed for " + file + ": " + reason + "; the file must be resent whole");
        this.file = file;
    }

    /** The target file the delta was meant to produce. */
    public Path file() {
        return file;
    }
}

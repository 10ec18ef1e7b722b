package io.replicator.delta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A verified patch: {@code tempFile} (next to {@code target}) holds the new content, whose length
 * and SHA-256 matched the delta's. The caller decides when to put it in place.
 */
public record PatchResult(Path target, Path tempFile, long length, byte[] sha256) {
    public PatchResult {
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Atomically renames the temporary file over the target (same directory, so same filesystem). */
    public void moveIntoPlace() throws IOException {
        Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

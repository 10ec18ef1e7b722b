package io.replicator.delta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Basis + delta -> verified temporary file next to the target. The target itself is never touched:
 * the caller renames the result into place ({@link PatchResult#moveIntoPlace()}) when it wants to.
 * On any failure the temporary file is deleted; a {@link DeltaVerificationException} means the file
 * must be resent whole, a {@link DeltaFormatException} that the delta itself was bad.
 */
public final class DeltaPatcher {
    private final Durability durability;

    public DeltaPatcher(Durability durability) {
        this.durability = durability;
    }

    /** Decodes an encoded delta from {@code delta} and applies it to {@code basis}. */
    public PatchResult patch(FileChannel basis, InputStream delta, Path target) throws IOException {
        try (PatchSession session = open(basis, target)) {
            DeltaReader.read(delta, session);
            return session.result();
        }
    }

    /** Builds a file that has no basis from a delta computed against an empty signature (all literals). */
    public PatchResult create(InputStream delta, Path target) throws IOException {
        try (PatchSession session = new PatchSession(null, target, durability)) {
            DeltaReader.read(delta, session);
            return session.result();
        }
    }

    /** A session to feed ops one by one (begin, copy/literal, end); close it when done. */
    public PatchSession open(FileChannel basis, Path target) throws IOException {
        return new PatchSession(basis, target, durability);
    }
}

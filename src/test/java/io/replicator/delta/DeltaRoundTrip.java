package io.replicator.delta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test helper: runs signature -> encoded delta -> patch through the public API on real files. */
final class DeltaRoundTrip {
    private DeltaRoundTrip() {
    }

    record Outcome(byte[] patched, DeltaStats stats, byte[] encodedDelta) {
    }

    static Signature sign(byte[] basis, SignatureSpec spec) throws IOException {
        return SignatureBuilder.build(new ByteArrayInputStream(basis), basis.length, spec);
    }

    static byte[] encodeSignature(Signature sig) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SignatureCodec.write(sig, out);
        return out.toByteArray();
    }

    static Delta delta(Signature sig, byte[] target, LiteralCompression compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeltaWriter writer = new DeltaWriter(out, compression);
        DeltaStats stats = new DeltaEncoder(sig).encode(new ByteArrayInputStream(target), target.length, writer);
        return new Delta(out.toByteArray(), stats, writer.bytesWritten());
    }

    record Delta(byte[] encoded, DeltaStats stats, long bytesWritten) {
    }

    /** Writes basis to dir/basis, patches dir/target from the encoded delta, returns the temp file's bytes. */
    static byte[] patch(Path dir, byte[] basis, byte[] encodedDelta) throws IOException {
        Path basisFile = dir.resolve("basis");
        Files.write(basisFile, basis);
        try (FileChannel ch = FileChannel.open(basisFile, StandardOpenOption.READ)) {
            PatchResult result = new DeltaPatcher(Durability.NONE)
                    .patch(ch, new ByteArrayInputStream(encodedDelta), dir.resolve("target"));
            try {
                return Files.readAllBytes(result.tempFile());
            } finally {
                Files.delete(result.tempFile());
            }
        } finally {
            Files.delete(basisFile);
        }
    }

    static Outcome run(Path dir, byte[] basis, byte[] target, SignatureSpec spec, LiteralCompression compression)
            throws IOException {
        Signature sig = SignatureCodec.read(new ByteArrayInputStream(encodeSignature(sign(basis, spec))));
        Delta d = delta(sig, target, compression);
        return new Outcome(patch(dir, basis, d.encoded()), d.stats(), d.encoded());
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

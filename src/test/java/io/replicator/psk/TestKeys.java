package io.replicator.psk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Key files for tests, made with the real generator and written like a mounted Secret (0600). */
final class TestKeys {
    private TestKeys() {
    }

    static Path writeKeyFile(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The hex key of a generated line ("identity:hex"). */
    static String hexOf(String line) {
        return line.substring(line.indexOf(':') + 1);
    }
}

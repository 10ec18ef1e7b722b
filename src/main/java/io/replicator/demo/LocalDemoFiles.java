package io.replicator.demo;

import io.replicator.psk.PskKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/**
 * The files the local profile's configuration points at, created before it is validated: a source
 * folder with sample content, an empty destination folder and a PSK key file (like 'keygen').
 */
public final class LocalDemoFiles {
    static final Path DATA = Path.of("data");

    private LocalDemoFiles() {
    }

    public static void prepare() {
        try {
            Path source = Files.createDirectories(DATA.resolve("volumes/source"));
            Files.createDirectories(DATA.resolve("volumes/copy"));
            Path key = DATA.resolve("demo-psk.txt");
            if (!Files.exists(key)) {
                Files.writeString(key, PskKeyGenerator.generate("demo") + "\n");
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(source.resolve("README.txt"), "A folder replicated by camel-replicator's demo.\n");
            Path db = Files.createDirectories(source.resolve("db"));
            Random random = new Random(7);
            for (int i = 1; i <= 3; i++) {
                byte[] b = new byte[2 * 1024 * 1024];
                random.nextBytes(b);
                Files.write(db.resolve("table-" + i + ".dat"), b);
            }
            Files.createDirectories(source.resolve("logs/empty-dir"));
            Path link = source.resolve("current.dat");
            if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, Path.of("db/table-1.dat"));
            }
            Files.writeString(source.resolve("logs/app.log"), "started\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CannotWrite("the local demo cannot write its files under " + DATA.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): run it from a writable directory, "
                    + "or give --config FILE");
        }
    }

    /** The demo's files could not be written (e.g. a read-only working directory): one line, no stack trace. */
    public static final class CannotWrite extends RuntimeException {
        CannotWrite(String message) {
            super(message);
        }
    }
}

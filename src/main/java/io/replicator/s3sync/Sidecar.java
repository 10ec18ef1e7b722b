package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a local remote keeps next to each object it received (in a parallel tree, see LocalStore):
 * the source ETag, the size and mtime of the data file when it was written (a later mismatch means
 * someone changed the file, and the ETag is computed again), and the object's headers. A
 * java.util.Properties file: escapes any key or value, no extra library.
 */
record Sidecar(long size, long mtimeMillis, String etag, ObjectMeta meta) {
    private static final String USER = "meta.";

    static Sidecar read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return null;
        }
        Map<String, String> user = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith(USER)) {
                user.put(name.substring(USER.length()), p.getProperty(name));
            }
        }
        String expires = p.getProperty("expires");
        try {
            return new Sidecar(Long.parseLong(p.getProperty("size", "-1")), Long.parseLong(p.getProperty("mtime", "-1")),
                    p.getProperty("etag"), new ObjectMeta(p.getProperty("content-type"), p.getProperty("cache-control"),
                    p.getProperty("content-encoding"), p.getProperty("content-disposition"),
                    p.getProperty("content-language"), expires == null ? null : Instant.parse(expires), user));
        } catch (RuntimeException e) {
            return null; // a damaged sidecar is ignored: the ETag gets computed from the data instead
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a sidecar. */
    void write(Path file, Path tmpDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("size", Long.toString(size));
        p.setProperty("mtime", Long.toString(mtimeMillis));
        putIf(p, "etag", etag);
        putIf(p, "content-type", meta.contentType());
        putIf(p, "cache-control", meta.cacheControl());
        putIf(p, "content-encoding", meta.contentEncoding());
        putIf(p, "content-disposition", meta.contentDisposition());
        putIf(p, "content-language", meta.contentLanguage());
        putIf(p, "expires", meta.expires() == null ? null : meta.expires().toString());
        meta.userMetadata().forEach((k, v) -> p.setProperty(USER + k, v));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(tmpDir, "sidecar", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, null);
        }
        LocalStore.moveIntoPlace(tmp, file);
    }

    private static void putIf(Properties p, String k, String v) {
        if (v != null) {
            p.setProperty(k, v);
        }
    }
}

package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * A bucket of a local remote: data in {@code <dir>/<bucket>/<key>}, sidecars in
 * {@code <dir>/.replicator-meta/<bucket>/<key>.meta} (a tree apart from the data, so no key can
 * collide with a sidecar: bucket names never start with '.'), temporary files in
 * {@code <dir>/.replicator-meta/.tmp} (same filesystem, so the final move is atomic).
 */
final class LocalStore implements Store {
    private static final String META_ROOT = ".replicator-meta";

    final BucketRef ref;
    private final Path bucketDir;
    private final Path dataDir;
    private final Path metaDir;
    private final Path tmpDir;

    LocalStore(BucketRef ref) {
        this.ref = ref;
        Path root = ((LocalRemote) ref.remote()).directory();
        if (ref.bucket().startsWith(".") || ref.bucket().contains("\0")) {
            throw new SyncFailure("local remote '" + ref.remote().name() + "': bucket name '" + ref.bucket()
                    + "' must not start with '.'");
        }
        this.bucketDir = root.resolve(ref.bucket());
        this.dataDir = resolve(bucketDir, ref.prefix());
        this.metaDir = resolve(root.resolve(META_ROOT).resolve(ref.bucket()), ref.prefix());
        this.tmpDir = root.resolve(META_ROOT).resolve(".tmp");
    }

    Path dataDir() {
        return dataDir;
    }

    boolean bucketExists() {
        return Files.isDirectory(bucketDir);
    }

    void createBucket() throws IOException {
        Files.createDirectories(bucketDir);
    }

    LocalLister list(KeyOrder order) {
        return new LocalLister(this, order);
    }

    Path dataPath(String key) {
        return resolve(dataDir, key);
    }

    private Path sidecarPath(String key) {
        return resolve(metaDir, key + ".meta");
    }

    ObjectEntry fileEntry(String key) throws IOException {
        BasicFileAttributes a = Files.readAttributes(dataPath(key), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long mtime = a.lastModifiedTime().toMillis();
        Sidecar s = Sidecar.read(sidecarPath(key));
        String etag = s != null && s.size() == a.size() && s.mtimeMillis() == mtime ? s.etag() : null;
        return new ObjectEntry(key, a.size(), etag, Instant.ofEpochMilli(mtime));
    }

    /** "dir/" is an object only when it was written as one (it has a sidecar). */
    ObjectEntry markerEntry(String key) throws IOException {
        Sidecar s = Sidecar.read(sidecarPath(key));
        return s == null ? null : new ObjectEntry(key, 0, s.etag(), Instant.ofEpochMilli(s.mtimeMillis()));
    }

    @Override
    public ObjectMeta meta(ObjectEntry e) throws IOException {
        Sidecar s = Sidecar.read(sidecarPath(e.key()));
        return s == null ? ObjectMeta.NONE : s.meta();
    }

    @Override
    public Opened open(ObjectEntry e, long offset, long length) throws IOException {
        if (e.key().endsWith("/")) {
            return new Opened(InputStream.nullInputStream(), meta(e));
        }
        FileChannel ch = FileChannel.open(dataPath(e.key()), StandardOpenOption.READ);
        ch.position(offset);
        InputStream in = new LimitedInputStream(Channels.newInputStream(ch), length < 0 ? e.size() - offset : length);
        return new Opened(in, meta(e));
    }

    /** Stores an object: data to a temp file, fsync, atomic move, mtime = source's, then the sidecar. */
    void write(ObjectEntry src, InputStream in, ObjectMeta meta) throws IOException {
        Path target = dataPath(src.key());
        Files.createDirectories(tmpDir);
        long mtime = src.lastModified() == null ? System.currentTimeMillis() : src.lastModified().toEpochMilli();
        if (src.key().endsWith("/")) {
            Files.createDirectories(target);
            new Sidecar(0, mtime, src.etag(), meta).write(sidecarPath(src.key()), tmpDir);
            return;
        }
        createParents(target, src.key());
        Path tmp = Files.createTempFile(tmpDir, "object", ".tmp");
        try {
            long n;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                n = in.transferTo(out);
                ch.force(true);
            }
            if (n != src.size()) {
                throw new IOException("received " + n + " bytes, listed size is " + src.size());
            }
            Files.setLastModifiedTime(tmp, FileTime.fromMillis(mtime));
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new KeyConflict("cannot store key '" + KeyText.escape(src.key()) + "': a directory of that name exists");
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        new Sidecar(src.size(), mtime, src.etag(), meta).write(sidecarPath(src.key()), tmpDir);
    }

    private void createParents(Path target, String key) throws IOException {
        try {
            Files.createDirectories(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new KeyConflict("cannot store key '" + KeyText.escape(key) + "': a parent path is a file (" + e.getFile()
                    + "); a local remote cannot hold both 'a' and 'a/b'");
        }
    }

    /** Deletes objects (data and sidecar) and then directories left empty; returns key -> error. */
    Map<String, String> delete(List<String> keys) {
        Map<String, String> errors = new HashMap<>();
        for (String key : keys) {
            try {
                if (!key.endsWith("/")) {
                    Files.deleteIfExists(dataPath(key));
                }
                Files.deleteIfExists(sidecarPath(key));
                pruneEmptyParents(key.endsWith("/") ? dataPath(key) : dataPath(key).getParent(), dataDir);
                pruneEmptyParents(sidecarPath(key).getParent(), metaDir);
            } catch (IOException e) {
                errors.put(key, e.toString());
            }
        }
        return errors;
    }

    /** Removes empty directories up to (not including) stop, keeping those that are "dir/" objects. */
    private void pruneEmptyParents(Path dir, Path stop) throws IOException {
        for (Path d = dir; d != null && d.startsWith(stop) && !d.equals(stop); d = d.getParent()) {
            String rel = dataDir.relativize(d).toString().replace('\\', '/') + "/";
            if (d.startsWith(dataDir) && Files.exists(sidecarPath(rel))) {
                return;
            }
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /** An ETag for a local file in the format of {@code otherEtag}: MD5, or multipart MD5 of MD5s. */
    String computeEtag(ObjectEntry e, String otherEtag, long ourPartSize) {
        int parts = Etags.partCount(otherEtag);
        PartLayout layout = parts > 0 ? PartLayout.candidates(e.size(), parts, ourPartSize).get(0)
                : Etags.isPlainMd5(otherEtag) ? PartLayout.single(e.size()) : null;
        if (layout == null) {
            return null;
        }
        try {
            return Md5.etagOf(dataPath(e.key()), layout);
        } catch (IOException ex) {
            throw new SyncFailure("reading local file " + dataPath(e.key()) + " failed: " + ex.getMessage(), ex);
        }
    }

    /** A key the filesystem cannot hold next to existing ones; retrying does not help. */
    static final class KeyConflict extends IOException {
        KeyConflict(String message) {
            super(message);
        }
    }

    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Maps a key to a path below base, refusing keys that are not plain relative paths. */
    private Path resolve(Path base, String key) {
        if (key.isEmpty()) {
            return base;
        }
        String[] segs = key.split("/", -1);
        Path p = base;
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            boolean lastOfMarker = i == segs.length - 1 && s.isEmpty() && i > 0;
            if (lastOfMarker) {
                break;
            }
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('\0') >= 0) {
                throw new SyncFailure("key '" + KeyText.escape(key) + "' cannot be stored in local remote '" + ref.remote().name()
                        + "': empty, '.' or '..' path segments (or NUL) are not allowed");
            }
            p = p.resolve(s);
        }
        return p;
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user.* extended attributes of one entry (names without the "user." prefix, as the JDK's
 * view has them), read, compared and written without following symlinks, and their wire form:
 * u16 count, then per attribute str name, u32 length, value. Bounded: {@link #MAX_COUNT}
 * attributes, names up to 255 bytes, {@link #MAX_TOTAL} bytes of values per entry (Linux
 * filesystems keep far less per inode).
 */
final class Xattrs {
    static final int MAX_COUNT = 128;
    static final int MAX_TOTAL = 64 * 1024;

    private Xattrs() {
    }

    /** Reads all user attributes of a file or directory; empty if the filesystem has none. */
    static Map<String, byte[]> read(Path p) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        UserDefinedFileAttributeView v = view(p);
        if (v == null) {
            return out;
        }
        long total = 0;
        for (String name : v.list()) {
            ByteBuffer b = ByteBuffer.allocate(v.size(name));
            v.read(name, b);
            byte[] value = Arrays.copyOf(b.array(), b.position());
            total += value.length;
            if (out.size() >= MAX_COUNT || total > MAX_TOTAL) {
                throw new IOException(p + " has more extended attributes than can be replicated (" + MAX_COUNT
                        + " attributes, " + MAX_TOTAL + " bytes)");
            }
            out.put(name, value);
        }
        return out;
    }

    /** Makes the path's user attributes exactly {@code wanted} (removes others); no write when equal. */
    static void apply(Path p, Map<String, byte[]> wanted) throws IOException {
        UserDefinedFileAttributeView v = view(p);
        if (v == null) {
            if (!wanted.isEmpty()) {
                throw new IOException("the destination filesystem of " + p + " does not support user xattrs");
            }
            return;
        }
        Map<String, byte[]> current = read(p);
        for (String name : current.keySet()) {
            if (!wanted.containsKey(name)) {
                v.delete(name);
            }
        }
        for (Map.Entry<String, byte[]> e : wanted.entrySet()) {
            if (!Arrays.equals(current.get(e.getKey()), e.getValue())) {
                v.write(e.getKey(), ByteBuffer.wrap(e.getValue()));
            }
        }
    }

    /** Writes {@code wanted} to a path just created (it has none yet). */
    static void writeNew(Path p, Map<String, byte[]> wanted) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        UserDefinedFileAttributeView v = view(p);
        if (v == null) {
            throw new IOException("the destination filesystem of " + p + " does not support user xattrs");
        }
        for (Map.Entry<String, byte[]> e : wanted.entrySet()) {
            v.write(e.getKey(), ByteBuffer.wrap(e.getValue()));
        }
    }

    static boolean equal(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static void encode(ByteBuf out, Map<String, byte[]> xattrs) {
        out.writeShort(xattrs.size());
        for (Map.Entry<String, byte[]> e : xattrs.entrySet()) {
            Wire.writeString(out, e.getKey());
            out.writeInt(e.getValue().length);
            out.writeBytes(e.getValue());
        }
    }

    static Map<String, byte[]> decode(ByteBuf in, String path) throws ProtocolException {
        int count = Wire.range(Wire.u16(in, "xattr count of " + path), 0, MAX_COUNT, "xattr count of " + path);
        Map<String, byte[]> out = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            String name = Wire.readString(in, "xattr name of " + path, 255);
            if (name.isEmpty() || name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > 250) {
                throw new ProtocolException("xattr name of " + path + " is empty, too long or contains NUL");
            }
            int length = Wire.range(Wire.i32(in, "xattr length of " + path), 0, MAX_TOTAL, "xattr length of " + path);
            total += length;
            if (total > MAX_TOTAL) {
                throw new ProtocolException("xattrs of " + path + " exceed " + MAX_TOTAL + " bytes");
            }
            if (out.put(name, Wire.bytes(in, length, "xattr value of " + path)) != null) {
                throw new ProtocolException("xattr " + name + " of " + path + " appears twice");
            }
        }
        return out;
    }

    private static UserDefinedFileAttributeView view(Path p) throws IOException {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (v == null) {
            return null;
        }
        try {
            v.list();
            return v;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("not supported")) {
                return null;
            }
            throw e;
        }
    }
}

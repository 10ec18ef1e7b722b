package io.replicator.volume;

/**
 * Checks that a path from the wire is a normalised relative path that cannot leave the volume root:
 * '/'-separated segments, none empty, "." or "..", no NUL, no leading '/', each segment and the whole
 * within the limits. The root itself is only "." (the first entry). Symlinked parents are ruled out
 * by {@link FileListValidator} (every parent must be a DIR entry of the same list, and the applier
 * replaces anything that is not a real directory before writing below it).
 */
final class PathGuard {
    private PathGuard() {
    }

    static void check(String path, EntryLimits limits) throws ProtocolException {
        if (path.isEmpty()) {
            throw new ProtocolException("empty path in the file list");
        }
        if (FileEntry.ROOT.equals(path)) {
            return;
        }
        if (path.indexOf('\0') >= 0) {
            throw new ProtocolException("path " + quote(path) + " contains a NUL byte");
        }
        if (path.charAt(0) == '/') {
            throw new ProtocolException("path " + quote(path) + " is absolute; only paths relative to the volume root are allowed");
        }
        if (RawNames.encode(path).length > limits.maxPathBytes()) {
            throw new ProtocolException("path " + quote(path) + " is longer than " + limits.maxPathBytes() + " bytes");
        }
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String segment = slash < 0 ? path.substring(start) : path.substring(start, slash);
            if (segment.isEmpty()) {
                throw new ProtocolException("path " + quote(path) + " has an empty segment (\"//\" or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new ProtocolException("path " + quote(path) + " has a \"" + segment
                        + "\" segment; paths must be normalised and stay inside the volume");
            }
            if (RawNames.encode(segment).length > limits.maxSegmentBytes()) {
                throw new ProtocolException("path " + quote(path) + " has a name longer than "
                        + limits.maxSegmentBytes() + " bytes");
            }
            if (slash < 0) {
                return;
            }
            start = slash + 1;
        }
    }

    /** The parent of a checked path: "." for top-level names. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? FileEntry.ROOT : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** For messages: control characters (NUL included) and bytes that are not UTF-8 shown as \xNN. */
    static String quote(String path) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < path.length() && sb.length() < 300; i++) {
            char c = path.charAt(i);
            int raw = RawNames.escapedByte(path, i);
            if (raw >= 0) {
                sb.append(String.format("\\x%02x", raw));
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}

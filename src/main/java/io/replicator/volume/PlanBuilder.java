package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The destination's plan for a dry run or check: compares the validated list with the volume
 * without changing anything (lstat, readlink, readdir; in FULL mode it hashes its files) and
 * itemizes every difference like {@code rsync -n -i}: {@code >f+++++++++ new}, {@code >f.st......
 * changed}, {@code .f...p..... chmod-only}, {@code cd+++++++++ dir/}, {@code cL+++++++++ link -> t},
 * {@code hf+++++++++ link => primary}, {@code *deleting   gone}. Quick check as in a sync: size and
 * mtime, or in FULL mode the SHA-256 of both sides.
 */
final class PlanBuilder {
    interface Lines {
        void line(String line) throws IOException;
    }

    private final Path root;
    private final List<FileEntry> entries;
    private final MetadataWriter meta;
    private final ChecksumMode checksum;
    private long creates;
    private long updates;
    private long metadata;
    private long dataBytes;
    private final MissingDirs missing = new MissingDirs();

    PlanBuilder(Path root, List<FileEntry> entries, MetadataWriter meta, ChecksumMode checksum) {
        this.root = root;
        this.entries = entries;
        this.meta = meta;
        this.checksum = checksum;
    }

    /** Itemizes the entries, then what the commit would delete; returns the delete scan (for the guard). */
    DeleteScan build(Lines out, Map<String, Integer> byPath, Excludes protect) throws IOException {
        for (FileEntry e : entries) {
            Path p = e.isRoot() ? root : RawNames.resolve(root, e.path());
            Stat attrs = missing.under(e) ? null : Stat.orNull(p);
            Stat.Kind kind = Stat.kind(attrs);
            if (e.type() == EntryType.DIR && kind != Stat.Kind.DIR) {
                missing.add(e);
            }
            String line = switch (e.type()) {
                case DIR -> directory(e, p, attrs, kind);
                case FILE -> file(e, p, attrs, kind);
                case SYMLINK -> symlink(e, p, attrs, kind);
                case HARDLINK -> hardlink(e, attrs);
            };
            if (line != null) {
                out.line(line);
            }
        }
        return DeleteScan.run(root, entries, byPath, protect,
                (path, dir) -> out.line("*deleting   " + shown(path) + (dir ? "/" : "")));
    }

    /** The totals, with the delete guard's answer. */
    VolumePlan totals(DeleteScan scan, String refusal) {
        return new VolumePlan(List.of(), 0, creates, updates, scan.deletes(), metadata, dataBytes, refusal);
    }

    private String directory(FileEntry e, Path p, Stat attrs, Stat.Kind kind) throws IOException {
        String name = e.isRoot() ? "./" : shown(e.path()) + "/";
        if (kind != Stat.Kind.DIR) {
            creates++;
            return "cd+++++++++ " + name;
        }
        return metadataOnly(".d", e, p, attrs, name);
    }

    private String file(FileEntry e, Path p, Stat attrs, Stat.Kind kind) throws IOException {
        if (kind != Stat.Kind.FILE) {
            creates++;
            dataBytes += e.size();
            return ">f+++++++++ " + shown(e.path());
        }
        char[] f = noChange();
        meta.itemize(p, attrs, e, f);
        if (attrs.size() != e.size()) {
            f[1] = 's';
        }
        boolean changed;
        if (checksum == ChecksumMode.FULL) {
            if (f[1] == '.' && !Arrays.equals(FileHashes.sha256(p), e.sha256())) {
                f[0] = 'c';
            }
            changed = f[0] == 'c' || f[1] == 's';
        } else {
            changed = f[1] == 's' || f[2] == 't';
        }
        if (changed) {
            updates++;
            dataBytes += e.size();
            return ">f" + new String(f) + " " + shown(e.path());
        }
        return differs(f) ? metadataLine(".f", f, shown(e.path())) : null;
    }

    private String symlink(FileEntry e, Path p, Stat attrs, Stat.Kind kind) throws IOException {
        String name = shown(e.path()) + " -> " + shown(e.linkTarget());
        if (kind != Stat.Kind.SYMLINK) {
            creates++;
            return "cL+++++++++ " + name;
        }
        if (!RawNames.linkTarget(p).equals(e.linkTarget())) {
            updates++;
            return "cLc.t...... " + name;
        }
        return metadataOnly(".L", e, p, attrs, name);
    }

    private String hardlink(FileEntry e, Stat attrs) throws IOException {
        FileEntry primary = entries.get(e.primary());
        Stat pa = missing.under(primary) ? null : Stat.orNull(RawNames.resolve(root, primary.path()));
        if (attrs != null && pa != null && attrs.sameInode(pa)) {
            return null;
        }
        creates++;
        return "hf+++++++++ " + shown(e.path()) + " => " + shown(primary.path());
    }

    private String metadataOnly(String prefix, FileEntry e, Path p, Stat attrs, String name)
            throws IOException {
        char[] f = noChange();
        meta.itemize(p, attrs, e, f);
        return differs(f) ? metadataLine(prefix, f, name) : null;
    }

    private String metadataLine(String prefix, char[] f, String name) {
        metadata++;
        return prefix + new String(f) + " " + name;
    }

    /** A name as rsync prints it: bytes that are not valid UTF-8, and control characters, as \#ooo (octal). */
    static String shown(String name) {
        StringBuilder b = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int raw = RawNames.escapedByte(name, i);
            int code = raw >= 0 ? raw : c < 0x20 || c == 0x7F ? c : -1;
            if (code >= 0 && b == null) {
                b = new StringBuilder(name.substring(0, i));
            }
            if (b != null) {
                if (code >= 0) {
                    b.append(String.format("\\#%03o", code));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? name : b.toString();
    }

    private static char[] noChange() {
        char[] f = new char[9];
        Arrays.fill(f, '.');
        return f;
    }

    private static boolean differs(char[] f) {
        for (char c : f) {
            if (c != '.') {
                return true;
            }
        }
        return false;
    }
}

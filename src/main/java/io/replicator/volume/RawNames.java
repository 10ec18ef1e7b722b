package io.replicator.volume;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File names are bytes. Linux names (and symlink targets) are any bytes but '/' and NUL; valid
 * UTF-8 is only a convention. Inside the engine a name is a String in which every byte that is not
 * part of valid UTF-8 is the lone surrogate {@code U+DC00 + byte} (PEP 383's "surrogateescape", as
 * Python's os.fsdecode does): a bijection between byte strings and such Strings, so paths keep
 * working as map keys, in excludes and in messages, and cross the wire as raw bytes (version 2).
 *
 * <p>On JDK 17 java.nio turns names into Strings through the platform encoding
 * ({@code sun.jnu.encoding}, from the locale): with UTF-8 an invalid byte becomes U+FFFD (so
 * {@code a\xff} and {@code a\xfe} both read as {@code a\uFFFD}), in the POSIX locale every byte
 * above 0x7f does, and a String that does not encode is refused. {@code -Dsun.jnu.encoding} cannot
 * fix this: JDK 17 ignores it on the command line (checked: it stays UTF-8), a jar manifest cannot
 * set it, and a byte-transparent locale (ISO-8859-1) would have to exist in every image and be set
 * for every launch (service, mover Jobs, {@code java -jar}); Debian ships none by default. JNA is
 * not on the classpath and would mean re-implementing every file operation on raw calls; FFM needs
 * a newer JDK. But the JDK's Unix paths hold the raw bytes, and its URI conversion is byte-exact in
 * both directions: {@link Path#toUri()} percent-encodes the bytes, {@link Path#of(URI)} decodes
 * them into a path without going through a String. So every file operation keeps using java.nio
 * on such paths. The slow way (a URI, and for reading a name one extra stat that toUri does) is
 * taken only for names that need it: ASCII names, and in a UTF-8 locale every valid UTF-8 name,
 * go the usual way.
 */
final class RawNames {
    private static final boolean UTF8_LOCALE = isUtf8Charset(System.getProperty("sun.jnu.encoding"));
    private static final char ESCAPE = 0xDC00;

    private RawNames() {
    }

    /** The String form of raw name bytes: valid UTF-8 decoded, every other byte escaped. Never fails. */
    static String decode(byte[] raw) {
        if (isAscii(raw)) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            for (int i = 0; i < r.length(); i++) { // malformed: each byte escaped on its own
                out.put((char) (ESCAPE + (in.get() & 0xFF)));
            }
        }
        d.flush(out);
        return out.flip().toString();
    }

    /** The raw bytes of a name or path in String form (the inverse of {@link #decode}). */
    static byte[] encode(String s) {
        if (!hasSurrogate(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (c >= ESCAPE + 0x80 && c <= ESCAPE + 0xFF) {
                out.writeBytes(s.substring(from, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - ESCAPE);
                from = i + 1;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("name " + PathGuard.quote(s) + " has a lone surrogate U+"
                        + Integer.toHexString(c) + " that stands for no byte");
            }
        }
        out.writeBytes(s.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether the name is valid UTF-8 (no escaped byte): what protocol version 1 can carry. */
    static boolean isUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (escapedByte(s, i) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The byte at index i if it is an escaped raw byte, else -1 (for messages). */
    static int escapedByte(String s, int i) {
        char c = s.charAt(i);
        boolean paired = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        return c >= ESCAPE + 0x80 && c <= ESCAPE + 0xFF && !paired ? c - ESCAPE : -1;
    }

    /** The last name of a path read from the file system (e.g. a directory stream's entry), lossless. */
    static String nameOf(Path p) {
        String s = p.getFileName().toString();
        if (fastRead(s)) {
            return s;
        }
        byte[] raw = uriBytes(p.toAbsolutePath());
        int end = raw.length;
        if (end > 1 && raw[end - 1] == '/') {
            end--; // toUri marks a directory with a trailing '/'
        }
        int start = end;
        while (start > 0 && raw[start - 1] != '/') {
            start--;
        }
        return decode(java.util.Arrays.copyOfRange(raw, start, end));
    }

    /** The text of a symlink, verbatim (never resolved). */
    static String linkTarget(Path link) throws java.io.IOException {
        Path t = Files.readSymbolicLink(link);
        String s = t.toString();
        if (fastRead(s)) {
            return s;
        }
        byte[] raw = uriBytes(t.isAbsolute() ? t : Path.of("/").resolve(t));
        int start = t.isAbsolute() ? 0 : 1;
        int end = raw.length;
        if (end - start > 1 && raw[end - 1] == '/') {
            end--; // a java.nio path never ends with '/': toUri added it for a directory
        }
        return decode(java.util.Arrays.copyOfRange(raw, start, end));
    }

    /** {@code dir} joined with a relative '/'-separated path in String form, byte-exact. */
    static Path resolve(Path dir, String relative) {
        return fastWrite(relative) ? dir.resolve(relative) : dir.resolve(relativePath(relative));
    }

    /** A relative or absolute path (a symlink's target) from its String form, byte-exact. */
    static Path path(String s) {
        if (fastWrite(s)) {
            return Path.of(s);
        }
        if (s.startsWith("/")) {
            return Path.of(URI.create("file://" + percent(encode(s))));
        }
        return relativePath(s);
    }

    private static Path relativePath(String relative) {
        Path abs = Path.of(URI.create("file:///" + percent(encode(relative))));
        return abs.subpath(0, abs.getNameCount());
    }

    private static boolean fastRead(String s) {
        return UTF8_LOCALE ? s.indexOf('\uFFFD') < 0 : isAscii(s);
    }

    private static boolean fastWrite(String s) {
        return UTF8_LOCALE ? !hasSurrogate(s) : isAscii(s);
    }

    private static byte[] uriBytes(Path absolute) {
        String raw = absolute.toUri().getRawPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c); // toUri leaves only ASCII unescaped
            }
        }
        return out.toByteArray();
    }

    private static String percent(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length * 3);
        for (byte b : raw) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '/' || v == '.'
                    || v == '-' || v == '_') {
                sb.append((char) v);
            } else {
                sb.append('%').append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
            }
        }
        return sb.toString();
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Charset(String charsetName) {
        try {
            return charsetName != null && Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

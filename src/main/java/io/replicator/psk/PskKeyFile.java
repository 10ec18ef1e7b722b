package io.replicator.psk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stunnel's PSKsecrets format ({@code identity:key}, one per line) exactly as stunnel 5.68
 * does (options.c psk_read + file.c file_getline), verified against the real binary (docs/psk.md):
 * <ul>
 * <li>lines end at LF; every CR is dropped wherever it is; a NUL ends the line's text;</li>
 * <li>an empty line is skipped; anything else without ':' (blank or "# comment" lines too) is an error;</li>
 * <li>the identity is everything before the first ':' (spaces included), at most 255 bytes;</li>
 * <li>the key is hex-decoded like OPENSSL_hexstr2buf (':' separators allowed); if that fails
 *     (odd digits, non-hex, trailing space) the raw text itself is the key, silently in stunnel,
 *     with a warning here;</li>
 * <li>keys must be 16..512 bytes.</li>
 * </ul>
 * Stricter than stunnel, with a clear error: an empty identity (unusable in TLS 1.3), one identity
 * twice with different keys (stunnel picks one arbitrarily), a line over 16383 characters, a file over 1 MiB.
 */
public final class PskKeyFile {
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** stunnel's CONFLINELEN (16 KiB) minus the terminating NUL. */
    static final int MAX_LINE_CHARS = 16 * 1024 - 1;
    private static final Logger LOG = LoggerFactory.getLogger(PskKeyFile.class);

    private PskKeyFile() {
    }

    public static PskKeyRing parse(Path file) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        warnIfWorldAccessible(file);
        return parse(file.toString(), content);
    }

    /** Parses file content; {@code source} names it in errors. */
    public static PskKeyRing parse(String source, byte[] content) throws PskKeyFileException {
        if (content.length > MAX_FILE_BYTES) {
            throw new PskKeyFileException(source, 0, "larger than " + MAX_FILE_BYTES + " bytes");
        }
        List<PskKey> keys = new ArrayList<>();
        List<Integer> keyLines = new ArrayList<>();
        int lineNumber = 0;
        int pos = 0;
        while (pos < content.length) {
            int end = indexOf(content, (byte) '\n', pos);
            lineNumber++;
            byte[] line = stunnelLine(content, pos, end, source, lineNumber);
            pos = end + 1;
            if (line.length == 0) {
                continue;
            }
            PskKey key = parseLine(source, lineNumber, line);
            int previous = indexOfIdentity(keys, key);
            if (previous < 0) {
                keys.add(key);
                keyLines.add(lineNumber);
            } else if (!keys.get(previous).sameSecret(key)) {
                throw new PskKeyFileException(source, lineNumber, "identity '" + key.identity()
                        + "' already has a different key on line " + keyLines.get(previous));
            }
        }
        if (keys.isEmpty()) {
            throw new PskKeyFileException(source, 0, "no identity:key line");
        }
        return PskKeyRing.of(keys);
    }

    /** One line as file_getline returns it: CRs dropped, cut at the first NUL. */
    private static byte[] stunnelLine(byte[] content, int from, int to, String source, int lineNumber)
            throws PskKeyFileException {
        byte[] line = new byte[Math.min(to - from, MAX_LINE_CHARS + 1)];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = content[i];
            if (b == '\r') {
                continue;
            }
            if (n == MAX_LINE_CHARS) {
                throw new PskKeyFileException(source, lineNumber, "longer than " + MAX_LINE_CHARS + " characters");
            }
            line[n++] = b;
        }
        int nul = indexOf(line, (byte) 0, 0);
        return Arrays.copyOf(line, Math.min(n, nul));
    }

    private static PskKey parseLine(String source, int lineNumber, byte[] line) throws PskKeyFileException {
        int colon = indexOf(line, (byte) ':', 0);
        if (colon == line.length) {
            throw new PskKeyFileException(source, lineNumber, "not in identity:key format");
        }
        byte[] identity = Arrays.copyOfRange(line, 0, colon);
        if (identity.length == 0) {
            throw new PskKeyFileException(source, lineNumber, "empty identity before ':'");
        }
        if (identity.length > PskKey.MAX_IDENTITY_BYTES) {
            throw new PskKeyFileException(source, lineNumber,
                    "identity longer than " + PskKey.MAX_IDENTITY_BYTES + " characters");
        }
        byte[] text = Arrays.copyOfRange(line, colon + 1, line.length);
        byte[] secret = OpensslHex.decode(text);
        String kind = "hexadecimal";
        if (secret == null) {
            secret = text;
            kind = "non-hexadecimal (used as raw text)";
        }
        String who = "key for identity '" + LogSafe.identity(identity) + "' is " + secret.length + " bytes, ";
        if (secret.length > PskKey.MAX_SECRET_BYTES) {
            throw new PskKeyFileException(source, lineNumber, who + "longer than " + PskKey.MAX_SECRET_BYTES);
        }
        if (secret.length < PskKey.MIN_SECRET_BYTES) {
            throw new PskKeyFileException(source, lineNumber, who + kind + ", shorter than " + PskKey.MIN_SECRET_BYTES);
        }
        if (secret == text) {
            LOG.warn("{} line {}: {}not valid hex; its text is used as the key, as stunnel does",
                    source, lineNumber, who);
        }
        return PskKey.of(identity, secret);
    }

    private static int indexOfIdentity(List<PskKey> keys, PskKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).hasIdentity(key.identityBytes())) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return a.length;
    }

    /** stunnel warns "Insecure file permissions" when others may access the file; so do we. */
    private static void warnIfWorldAccessible(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                LOG.warn("Insecure file permissions on PSK file {}: others may access it", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot check permissions of {}: {}", file, e.toString());
        }
    }
}

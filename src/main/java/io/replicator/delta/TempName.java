package io.replicator.delta;

import java.nio.file.Path;

/**
 * The start of a temporary's name next to its target: {@code .<name>.} with the name cut to 100
 * characters and everything but printable ASCII replaced by '_'. A name read through java.nio may
 * hold U+FFFD for bytes that are not UTF-8 or, in a non-UTF-8 locale, characters that do not
 * encode back: the temporary only has to be unique and recognisable, never to mirror the name.
 */
public final class TempName {
    private static final int MAX_NAME_IN_TEMP = 100;

    private TempName() {
    }

    public static String prefix(Path target) {
        String name = target.getFileName().toString();
        int n = Math.min(name.length(), MAX_NAME_IN_TEMP);
        StringBuilder sb = new StringBuilder(n + 2).append('.');
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        return sb.append('.').toString();
    }
}

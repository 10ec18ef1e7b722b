package io.replicator.s3sync;

/**
 * Keys as they appear in plan, check and note lines: one line names exactly one key. Printable
 * characters stay as they are; a backslash is doubled; control and format characters, combining
 * marks (so an NFD key is told from its NFC twin), lone surrogates, line and paragraph separators,
 * non-breaking and other non-ASCII spaces, and a space at either end are written as \\u{XXXX}.
 */
public final class KeyText {
    private KeyText() {
    }

    public static String escape(String key) {
        StringBuilder b = null;
        int n = key.length();
        for (int i = 0; i < n; ) {
            int cp = key.codePointAt(i);
            int len = Character.charCount(cp);
            boolean edgeSpace = cp == ' ' && (i == 0 || i + len == n);
            if (cp == '\\' || edgeSpace || needsEscape(cp)) {
                if (b == null) {
                    b = new StringBuilder(n + 16).append(key, 0, i);
                }
                b.append(cp == '\\' ? "\\\\" : String.format("\\u{%04X}", cp));
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += len;
        }
        return b == null ? key : b.toString();
    }

    private static boolean needsEscape(int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            return true;
        }
        if (cp < 0x7f) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR, Character.UNASSIGNED,
                    Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}

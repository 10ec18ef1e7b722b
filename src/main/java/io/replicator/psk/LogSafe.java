package io.replicator.psk;

/** Renders peer-supplied bytes (PSK identities) for logs: printable ASCII kept, the rest escaped, length capped. */
final class LogSafe {
    private static final int MAX_CHARS = 64;

    private LogSafe() {
    }

    static String identity(byte[] raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length; i++) {
            if (sb.length() >= MAX_CHARS) {
                sb.append("...(").append(raw.length).append(" bytes)");
                break;
            }
            int b = raw[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }
}

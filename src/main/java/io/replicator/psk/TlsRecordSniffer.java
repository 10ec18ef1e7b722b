package io.replicator.psk;

import io.netty.buffer.ByteBuf;

/**
 * Tells TLS from other protocols by the first bytes of a connection, so a plain-TCP or HTTP client
 * is named {@code not_tls} instead of whatever alert BC's record parser happens to raise.
 * A TLS record starts with its content type (22 handshake; a client may also get 21 alert) and
 * the legacy version 3.x.
 */
final class TlsRecordSniffer {
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;

    private TlsRecordSniffer() {
    }

    static boolean looksLikeTls(ByteBuf first, boolean server) {
        int i = first.readerIndex();
        int type = first.getUnsignedByte(i);
        if (type != HANDSHAKE && (server || type != ALERT)) {
            return false;
        }
        return first.readableBytes() < 2 || first.getUnsignedByte(i + 1) == 3;
    }

    /** The first few bytes in hex, for the log (never more than 4: the peer is untrusted). */
    static String describe(ByteBuf first) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(4, first.readableBytes());
        for (int k = 0; k < n; k++) {
            sb.append(String.format(k == 0 ? "%02x" : " %02x", first.getUnsignedByte(first.readerIndex() + k)));
        }
        return sb.toString();
    }
}

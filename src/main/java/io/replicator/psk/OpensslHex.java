package io.replicator.psk;

import java.util.Arrays;

/**
 * Hex decoding exactly as OpenSSL's {@code OPENSSL_hexstr2buf()}, which stunnel uses for PSK keys:
 * digits in either case, a ':' is skipped where a byte would start ("aa:bb" is two bytes), and
 * anything else (odd digit count, other characters, spaces) makes the whole text invalid.
 * Hand-rolled because HexFormat rejects the ':' separators OpenSSL accepts.
 */
final class OpensslHex {
    private OpensslHex() {
    }

    /** The decoded bytes, or null when OpenSSL would refuse the text. */
    static byte[] decode(byte[] text) {
        if (text.length == 0) {
            return null;
        }
        byte[] out = new byte[text.length / 2];
        int n = 0;
        int i = 0;
        while (i < text.length) {
            byte high = text[i++];
            if (high == ':') {
                continue;
            }
            if (i == text.length) {
                return null; // odd number of digits
            }
            int hi = digit(high);
            int lo = digit(text[i++]);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[n++] = (byte) ((hi << 4) | lo);
        }
        return Arrays.copyOf(out, n);
    }

    private static int digit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

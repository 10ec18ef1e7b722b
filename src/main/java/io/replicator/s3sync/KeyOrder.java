package io.replicator.s3sync;

import java.util.Comparator;

/**
 * The order in which listings arrive. S3 (and MinIO, Ceph) list keys in UTF-8 byte order, which
 * equals Unicode code point order. Java's String.compareTo compares UTF-16 code units and differs
 * when a supplementary character (emoji...) meets one in U+E000..U+FFFF. S3Proxy's nio2 backends
 * list in that UTF-16 order; {@link #UTF16_CODE_UNITS} lets two such servers be synced.
 */
public enum KeyOrder implements Comparator<String> {
    UTF8_BINARY {
        @Override
        public int compare(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    // Surrogates (D800-DFFF) encode code points above FFFF: they sort after E000-FFFF.
                    boolean sx = Character.isSurrogate(x);
                    boolean sy = Character.isSurrogate(y);
                    if (sx != sy) {
                        return sx ? 1 : -1;
                    }
                    return x - y;
                }
            }
            return a.length() - b.length();
        }
    },
    UTF16_CODE_UNITS {
        @Override
        public int compare(String a, String b) {
            return a.compareTo(b);
        }
    }
}

package io.replicator.delta;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test model of a file edit: what a user, a database or a log writer does to a file between syncs. */
record EditScript(List<Edit> edits) {
    enum Kind { INSERT, DELETE, REPLACE, MOVE, APPEND, TRUNCATE, DUPLICATE }

    /** Positions and lengths are taken modulo the current file length, so any values apply. */
    record Edit(Kind kind, int position, int length, int destination, long seed) {
    }

    byte[] apply(byte[] basis, Alphabet alphabet) {
        byte[] data = basis;
        for (Edit e : edits) {
            data = apply(data, e, alphabet);
        }
        return data;
    }

    private static byte[] apply(byte[] d, Edit e, Alphabet alphabet) {
        int n = d.length;
        int at = e.position() % (n + 1);
        int len = Math.min(e.length(), n - at);
        return switch (e.kind()) {
            case INSERT -> splice(d, at, 0, alphabet.bytes(e.length(), e.seed()));
            case DELETE -> splice(d, at, len, new byte[0]);
            case REPLACE -> splice(d, at, len, alphabet.bytes(len, e.seed()));
            case APPEND -> concat(d, alphabet.bytes(e.length(), e.seed()));
            case TRUNCATE -> Arrays.copyOf(d, at);
            case MOVE -> {
                byte[] piece = Arrays.copyOfRange(d, at, at + len);
                byte[] rest = splice(d, at, len, new byte[0]);
                yield splice(rest, e.destination() % (rest.length + 1), 0, piece);
            }
            case DUPLICATE -> splice(d, e.destination() % (n + 1), 0, Arrays.copyOfRange(d, at, at + len));
        };
    }

    private static byte[] splice(byte[] d, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + insert.length);
        out.write(d, 0, at);
        out.write(insert, 0, insert.length);
        out.write(d, at + remove, d.length - at - remove);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return splice(a, a.length, 0, b);
    }

    /** Content model: random bytes, or a tiny alphabet that makes repeated blocks and weak-sum collisions. */
    enum Alphabet {
        RANDOM(256), BINARY(2), ZEROS(1);

        private final int symbols;

        Alphabet(int symbols) {
            this.symbols = symbols;
        }

        byte[] bytes(int length, long seed) {
            byte[] b = new byte[length];
            Random r = new Random(seed);
            if (symbols == 256) {
                r.nextBytes(b);
            } else {
                for (int i = 0; i < length; i++) {
                    b[i] = (byte) r.nextInt(symbols);
                }
            }
            return b;
        }
    }
}

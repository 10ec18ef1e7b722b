package io.replicator.psk;

import java.io.IOException;

/** A key file stunnel would refuse (or we refuse, see docs/psk.md), naming the file and line, never the key. */
public final class PskKeyFileException extends IOException {
    private final String source;
    private final int line;

    PskKeyFileException(String source, int line, String problem) {
        super(line > 0 ? source + " line " + line + ": " + problem : source + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}

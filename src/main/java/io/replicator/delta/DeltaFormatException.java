package io.replicator.delta;

import java.io.IOException;

/** A signature or delta encoding is truncated, corrupt or out of bounds; the message names the field. */
public final class DeltaFormatException extends IOException {
    public DeltaFormatException(String message) {
        super(message);
    }

    public DeltaFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    static DeltaFormatException truncated(String what, String field, long offset) {
        return new DeltaFormatException(what + ": truncated input while reading " + field + " at byte " + offset);
    }

    static DeltaFormatException outOfRange(String what, String field, long value, long min, long max, long offset) {
        return new DeltaFormatException(what + ": " + field + " = " + value + " is outside [" + min + ", " + max
                + "] at byte " + offset);
    }
}

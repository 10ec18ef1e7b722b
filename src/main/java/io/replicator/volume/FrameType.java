package io.replicator.volume;

/**
 * Frame types of the volume protocol (docs/protocol.md). The code is the byte after the length
 * prefix; any other code is refused by {@link FrameDecoder}.
 */
public enum FrameType {
    HELLO(0x01), WELCOME(0x02), REFUSED(0x03), JOIN(0x04), JOINED(0x05),
    LIST(0x10), LIST_END(0x11),
    NEED(0x20), SIG_DATA(0x21), DATA_BEGIN(0x22), DATA(0x23), FILE_SKIPPED(0x24), STREAM_END(0x25), WHOLE_FILE(0x26),
    COMMIT(0x30), COMMITTED(0x31), PLAN(0x40), PLAN_END(0x41), PING(0x3E), ABORT(0x3F);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code, or null when the code is unknown. */
    public static FrameType of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}

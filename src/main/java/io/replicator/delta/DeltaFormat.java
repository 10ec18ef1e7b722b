package io.replicator.delta;

/**
 * Constants and hard caps of the signature and delta encodings (docs/delta-format.md). Every
 * length or count read from the wire is checked against these before it is used, so hostile input
 * can never make a decoder allocate or loop beyond them.
 */
public final class DeltaFormat {
    public static final int VERSION = 1;
    static final int SIGNATURE_MAGIC = 0x52534947; // "RSIG"
    static final int DELTA_MAGIC = 0x52444C54;     // "RDLT"

    /** Largest literal record: bounds the decoder's buffers. */
    public static final int MAX_LITERAL_CHUNK = 64 * 1024;
    /** Largest block size a decoder accepts (BlockSize only exceeds rsync's 128 KiB for huge files). */
    public static final int MAX_BLOCK_SIZE = 16 << 20;
    /** Largest block count: bounds the signature table (about 40 bytes per block in memory). */
    public static final int MAX_BLOCK_COUNT = 1 << 22;
    /** Largest file length either encoding accepts (1 PiB): rejects absurd headers early. */
    public static final long MAX_FILE_LENGTH = 1L << 50;
    public static final int MIN_STRONG_LENGTH = 1;
    public static final int MAX_STRONG_LENGTH = 16;
    public static final int SHA256_LENGTH = 32;

    static final int FLAG_ZSTD_LITERALS = 1;
    /** Zero runs may come as ZEROS records (a reader without it refuses the flag: unknown flags). */
    static final int FLAG_ZERO_RUNS = 2;
    static final int OP_COPY = 0x01;
    static final int OP_LITERAL = 0x02;
    static final int OP_LITERAL_ZSTD = 0x03;
    static final int OP_ZEROS = 0x04;
    static final int OP_END = 0xFF;

    private DeltaFormat() {
    }
}

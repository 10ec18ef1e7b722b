package io.replicator.delta;

/** Whether {@link DeltaWriter} compresses literal records with zstd, and at which level. */
public record LiteralCompression(Codec codec, int level) {
    public enum Codec { NONE, ZSTD }

    public static final LiteralCompression NONE = new LiteralCompression(Codec.NONE, 0);

    public LiteralCompression {
        if (codec == Codec.ZSTD && (level < -7 || level > 22)) {
            throw new IllegalArgumentException("zstd level " + level + " is outside [-7, 22]");
        }
    }

    public static LiteralCompression zstd(int level) {
        return new LiteralCompression(Codec.ZSTD, level);
    }
}

package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of a dry run or check, destination to source: PLAN frames (u16 count, then that many
 * lines as strings) and one PLAN_END (i64 creates, updates, deletes, metadata changes, data bytes;
 * str refusal, empty when a sync would be allowed).
 */
final class PlanFrames {
    /** A line is a path and maybe a symlink target (each at most 4095 bytes) plus a prefix. */
    static final int MAX_LINE = 16_384;
    private static final int BATCH_BYTES = 256 * 1024;

    private final FrameChannel ch;
    private ByteBuf batch;
    private int count;

    PlanFrames(FrameChannel ch) {
        this.ch = ch;
    }

    void line(String line) throws IOException {
        if (batch == null) {
            batch = Wire.start(ch.channel().alloc(), FrameType.PLAN, BATCH_BYTES + MAX_LINE);
            batch.writeShort(0);
        }
        Wire.writeString(batch, line);
        count++;
        if (batch.readableBytes() > BATCH_BYTES || count == 0xFFFF) {
            sendBatch();
        }
    }

    void end(VolumePlan totals) throws IOException {
        if (batch != null) {
            sendBatch();
        }
        ByteBuf b = Wire.start(ch.channel().alloc(), FrameType.PLAN_END, 64);
        b.writeLong(totals.creates());
        b.writeLong(totals.updates());
        b.writeLong(totals.deletes());
        b.writeLong(totals.metadata());
        b.writeLong(totals.dataBytes());
        Wire.writeString(b, totals.refusal() == null ? "" : Reasons.clip(totals.refusal()));
        ch.send(Wire.finish(b));
        ch.flush();
    }

    private void sendBatch() throws IOException {
        batch.setShort(5, count);
        ByteBuf b = batch;
        batch = null;
        count = 0;
        ch.send(Wire.finish(b));
    }

    /** Source side: reads PLAN frames until PLAN_END. */
    static VolumePlan receive(FrameChannel ch) throws IOException {
        List<String> lines = new ArrayList<>();
        long omitted = 0;
        while (true) {
            Frame f = ch.take("PLAN or PLAN_END");
            try {
                ByteBuf b = f.payload();
                if (f.type() == FrameType.PLAN_END) {
                    long[] n = new long[5];
                    String[] names = {"creates", "updates", "deletes", "metadata", "data bytes"};
                    for (int i = 0; i < n.length; i++) {
                        n[i] = Wire.i64(b, "PLAN_END " + names[i]);
                    }
                    String refusal = Wire.readString(b, "PLAN_END refusal", 4 * Reasons.MAX + 16);
                    Wire.end(b, FrameType.PLAN_END);
                    return new VolumePlan(lines, omitted, n[0], n[1], n[2], n[3], n[4],
                            refusal.isEmpty() ? null : refusal);
                }
                if (f.type() != FrameType.PLAN) {
                    throw new ProtocolException("expected PLAN or PLAN_END but got " + f.type());
                }
                int count = Wire.u16(b, "PLAN line count");
                for (int i = 0; i < count; i++) {
                    String line = Wire.readString(b, "PLAN line", MAX_LINE);
                    if (lines.size() < VolumePlan.MAX_LINES) {
                        lines.add(line);
                    } else {
                        omitted++;
                    }
                }
                Wire.end(b, FrameType.PLAN);
            } finally {
                f.release();
            }
        }
    }
}

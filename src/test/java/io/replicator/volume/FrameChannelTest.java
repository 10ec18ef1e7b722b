package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Keepalive and inbox behaviour of FrameChannel, on an embedded channel with a virtual clock. */
class FrameChannelTest {
    @Test
    void sendsAPingEveryThirdOfTheTimeout() {
        EmbeddedChannel ch = new EmbeddedChannel();
        new FrameChannel(ch, 0, Duration.ofSeconds(3));
        ch.advanceTimeBy(900, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
        ch.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ByteBuf ping = ch.readOutbound();
        assertThat(ping.readInt()).isEqualTo(1);
        assertThat(FrameType.of(ping.readUnsignedByte())).isEqualTo(FrameType.PING);
        ping.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void pingsAreNotDeliveredAsFrames() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        FrameChannel fc = new FrameChannel(ch, 0, Duration.ofSeconds(3));
        fc.onFrame(new Frame(FrameType.PING, Unpooled.buffer(0)));
        fc.onFrame(new Frame(FrameType.STREAM_END, Unpooled.buffer(0)));
        Frame f = fc.take("test frame");
        assertThat(f.type()).isEqualTo(FrameType.STREAM_END);
        f.release();
        ch.finishAndReleaseAll();
    }
}

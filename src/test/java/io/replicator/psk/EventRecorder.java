package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects the PSK user events of every connection of a server, in arrival order. */
@ChannelHandler.Sharable
final class EventRecorder extends ChannelInboundHandlerAdapter {
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof PskHandshakeCompleted || evt instanceof PskConnectionFailed) {
            events.add(evt);
        }
        ctx.fireUserEventTriggered(evt);
    }

    Object next() throws InterruptedException {
        Object evt = events.poll(20, TimeUnit.SECONDS);
        assertThat(evt).as("PSK event").isNotNull();
        return evt;
    }

    PskHandshakeCompleted nextCompleted() throws InterruptedException {
        return assertThat(next()).isInstanceOf(PskHandshakeCompleted.class).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.type(PskHandshakeCompleted.class)).actual();
    }

    PskConnectionFailed nextFailed() throws InterruptedException {
        return assertThat(next()).isInstanceOf(PskConnectionFailed.class).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.type(PskConnectionFailed.class)).actual();
    }
}

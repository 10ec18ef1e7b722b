package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reader that stops reading makes the writer's channel unwritable with a bounded outbound
 * buffer (nothing piles up in the TLS handlers), and the transfer completes once it reads again.
 * The reader uses autoRead off plus explicit read() calls, the way a consumer throttles Netty.
 */
class PskBackPressureTest {
    private static final long SIZE = 32L << 20;

    /** Server-side application: holds reads until opened, then asks for one read at a time. */
    static final class GatedReader extends ChannelInboundHandlerAdapter {
        final CompletableFuture<ChannelHandlerContext> added = new CompletableFuture<>();
        private volatile boolean open;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
            added.complete(ctx);
        }

        void open() throws Exception {
            ChannelHandlerContext ctx = added.get(20, TimeUnit.SECONDS);
            ctx.executor().execute(() -> {
                open = true;
                ctx.read();
            });
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (open) {
                ctx.read();
            }
            ctx.fireChannelReadComplete();
        }
    }

    /** Client-side probe: completes when the channel first turns unwritable. */
    static final class UnwritableProbe extends ChannelInboundHandlerAdapter {
        final CompletableFuture<Void> unwritable = new CompletableFuture<>();

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (!ctx.channel().isWritable()) {
                unwritable.complete(null);
            }
            ctx.fireChannelWritabilityChanged();
        }
    }

    @Test
    void stalledReaderMakesWriterUnwritableThenTransferCompletes() throws Exception {
        PskKeyRing ring = PskKeyFile.parse("test", PskKeyGenerator.generate("volsync").getBytes());
        PskSettings settings = PskSettings.defaults().withMeterRegistry(new SimpleMeterRegistry());
        GatedReader gate = new GatedReader();
        DigestSinkHandler sink = new DigestSinkHandler();
        try (PskServer server = PskServer.start(new InetSocketAddress("127.0.0.1", 0), ring, settings,
                ch -> ch.pipeline().addLast(gate, sink));
             PskClient client = new PskClient(ring.first(), settings)) {
            UnwritableProbe probe = new UnwritableProbe();
            DigestSenderHandler sender = new DigestSenderHandler(SIZE, 8);
            PskClient.Connection connection = client.connect(server.localAddress(), c -> c.pipeline().addLast(probe, sender));
            Channel ch = connection.channel();

            // The handshake completes although the server application reads nothing.
            assertThat(connection.handshake().get(20, TimeUnit.SECONDS)).isEqualTo("volsync");
            probe.unwritable.get(60, TimeUnit.SECONDS);
            long pending = ch.eventLoop().submit(() -> ch.unsafe().outboundBuffer().totalPendingWriteBytes()).get();
            int highWaterMark = ch.config().getWriteBufferHighWaterMark();
            // the sender stops at the high-water mark; at most one more 64 KiB chunk and record overhead
            assertThat(pending).isLessThanOrEqualTo(highWaterMark + 2L * PskOutbound.CHUNK);
            assertThat(sink.received).isNotDone();

            gate.open();
            DigestSenderHandler.Result result = sender.result.get(120, TimeUnit.SECONDS);
            assertThat(result.echoed()).isEqualTo(result.sent());
            assertThat(sink.received.get(10, TimeUnit.SECONDS)).isEqualTo(result.sent());
        }
    }
}

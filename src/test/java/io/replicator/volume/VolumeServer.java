package io.replicator.volume;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.replicator.testing.NettyTestServer;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A plain Netty destination listener for tests and benchmarks (the application uses a camel-netty
 * consumer with the same pipeline). {@code transport} may put handlers in front (TLS-PSK);
 * {@code reports} receives every {@link SessionReport}, on an event loop thread.
 */
public final class VolumeServer implements AutoCloseable {
    private final NettyTestServer server;

    public VolumeServer(InetSocketAddress bind, DestinationContext context, Consumer<SocketChannel> transport,
                        Consumer<SessionReport> reports) throws InterruptedException {
        server = NettyTestServer.start(bind, ch -> {
            transport.accept(ch);
            VolumeServerPipeline.addTo(ch.pipeline(), context);
            ch.pipeline().addLast("reports", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof SessionReport r) {
                        reports.accept(r);
                    }
                }
            });
        });
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}

package io.replicator.psk;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal TLS-PSK TCP client for tests, benchmarks and tools. Each connection gets the PSK
 * handlers, then {@code application} adds its own; wait for {@link Connection#handshake()} (or the
 * {@link PskHandshakeCompleted} event) before relying on the peer. Owns one event loop.
 */
public final class PskClient implements AutoCloseable {
    private final PskKey key;
    private final PskSettings settings;
    private final EventLoopGroup group = new NioEventLoopGroup(1);

    public PskClient(PskKey key, PskSettings settings) {
        this.key = key;
        this.settings = settings;
    }

    /**
     * One connection attempt. {@code handshake} completes with the authenticated identity, or fails
     * with {@link PskHandshakeException} (refused, timed out) or an I/O error (e.g. connection refused).
     */
    public record Connection(ChannelFuture connectFuture, Future<String> handshake) {
        public Channel channel() {
            return connectFuture.channel();
        }
    }

    public Connection connect(InetSocketAddress remote, Consumer<SocketChannel> application) {
        PskClientHandler handler = new PskClientHandler(key, settings);
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        PskPipeline.install(ch.pipeline(), handler, settings);
                        application.accept(ch);
                    }
                })
                .connect(remote);
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                handler.connectFailed(f.cause());
            }
        });
        return new Connection(connected, handler.handshakeFuture());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

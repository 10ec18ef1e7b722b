package io.replicator.psk;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal TLS-PSK TCP client for tests, benchmarks and tools. Each connection gets the PSK
 * handlers, then {@code application} adds its own; wait for {@link PskHandler#handshakeFuture()}
 * (or the {@link PskHandshakeCompleted} event) before relying on the peer. Owns one event loop.
 */
public final class PskClient implements AutoCloseable {
    private final PskKey key;
    private final PskSettings settings;
    private final EventLoopGroup group = new NioEventLoopGroup(1);

    public PskClient(PskKey key, PskSettings settings) {
        this.key = key;
        this.settings = settings;
    }

    public ChannelFuture connect(InetSocketAddress remote, Consumer<SocketChannel> application) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        PskPipeline.addClientHandlers(ch.pipeline(), key, settings);
                        application.accept(ch);
                    }
                })
                .connect(remote);
    }

    /** The PSK handler of a channel made by {@link #connect}. */
    public static PskHandler handlerOf(io.netty.channel.Channel channel) {
        return (PskHandler) channel.pipeline().get(PskPipeline.TLS_HANDLER);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

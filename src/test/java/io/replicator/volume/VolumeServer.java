package io.replicator.volume;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A plain Netty destination listener for tests, benchmarks and tools (the application uses a
 * camel-netty consumer with the same pipeline). {@code transport} may put handlers in front
 * (TLS-PSK); {@code reports} receives every {@link SessionReport}, on an event loop thread.
 */
public final class VolumeServer implements AutoCloseable {
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final Channel channel;

    public VolumeServer(InetSocketAddress bind, DestinationContext context, Consumer<SocketChannel> transport,
                        Consumer<SessionReport> reports) throws InterruptedException {
        try {
            channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
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
                        }
                    })
                    .bind(bind).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

package io.replicator.volume;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Connections of the source: plain Netty client bootstrap whose pipeline is, from the socket end:
 * wire byte counter, whatever {@link SourceSettings#transport()} adds (TLS-PSK), frame decoder,
 * {@link SourceHandler}. Owns one event loop group; close it when done.
 */
public final class VolumeClient implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private final EventLoopGroup group;

    public VolumeClient(int threads) {
        this.group = new NioEventLoopGroup(threads);
    }

    /** Connects one stream and returns its frame channel once the TCP connection is up. */
    FrameChannel connect(SourceSettings settings, WireByteCounter counter) throws IOException {
        FrameChannel[] holder = new FrameChannel[1];
        ChannelFuture f = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        FrameChannel fc = new FrameChannel(ch, 0, settings.ioTimeout());
                        holder[0] = fc;
                        settings.transport().accept(ch.pipeline());
                        ch.pipeline().addFirst("volume-wire-bytes", counter);
                        ch.pipeline().addLast(VolumeServerPipeline.FRAME_DECODER, new FrameDecoder());
                        ch.pipeline().addLast("volume-source", new SourceHandler(fc));
                    }
                })
                .connect(settings.host(), settings.port());
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot connect to " + settings.host() + ":" + settings.port() + " for job \""
                    + settings.job() + "\": " + Reasons.of(f.cause()), f.cause());
        }
        Channel ch = f.channel();
        return holder[0] != null ? holder[0] : new FrameChannel(ch, 0, settings.ioTimeout());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

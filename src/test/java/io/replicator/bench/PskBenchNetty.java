package io.replicator.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.replicator.psk.PskClient;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskServer;
import io.replicator.psk.PskSettings;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The three Netty transports of the benchmark: ours (BC TLS-PSK), the JDK's TLS 1.3 (SSLEngine), plain TCP. */
final class PskBenchNetty {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final ByteBuf block;

    PskBenchNetty(ByteBuf block) {
        this.block = block;
    }

    long ours(PskKeyRing ring, long size) throws Exception {
        // -Dbench.handshakeSeconds: a cold JVM on a loaded machine can need more than the default 10 s
        PskSettings settings = PskSettings.defaults().withMeterRegistry(new SimpleMeterRegistry())
                .withHandshakeTimeout(java.time.Duration.ofSeconds(Long.getLong("bench.handshakeSeconds", 10)));
        PskBenchHandlers.Sender sender = new PskBenchHandlers.Sender(block, size);
        try (PskServer server = PskServer.start(ANY, ring, settings,
                ch -> ch.pipeline().addLast(new PskBenchHandlers.Sink(Unpooled.buffer(8))));
             PskClient client = new PskClient(ring.first(), settings)) {
            client.connect(server.localAddress(), ch -> ch.pipeline().addLast(sender)).connectFuture().sync();
            return sender.elapsedNanos.get(10, TimeUnit.MINUTES);
        }
    }

    long jdkTls(PskBenchCert cert, long size) throws Exception {
        List<String> suite = List.of("TLS_AES_128_GCM_SHA256");
        SslContext server = SslContextBuilder.forServer(cert.keys().getPrivate(), cert.certificate())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3").ciphers(suite).build();
        SslContext client = SslContextBuilder.forClient().trustManager(cert.certificate())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3").ciphers(suite).build();
        return run(size, ch -> server.newHandler(ch.alloc()), ch -> client.newHandler(ch.alloc(), "localhost", 0));
    }

    long plainTcp(long size) throws Exception {
        return run(size, ch -> null, ch -> null);
    }

    private long run(long size, Function<Channel, ChannelHandler> serverTls, Function<Channel, ChannelHandler> clientTls)
            throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        EventLoopGroup clientGroup = new NioEventLoopGroup(1);
        try {
            Channel listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(init(serverTls, new PskBenchHandlers.Sink(Unpooled.buffer(8))))
                    .bind(ANY).sync().channel();
            PskBenchHandlers.Sender sender = new PskBenchHandlers.Sender(block, size);
            new Bootstrap().group(clientGroup).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                    .handler(init(clientTls, sender)).connect(listener.localAddress()).sync();
            long elapsed = sender.elapsedNanos.get(10, TimeUnit.MINUTES);
            listener.close().sync();
            return elapsed;
        } finally {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static ChannelInitializer<SocketChannel> init(Function<Channel, ChannelHandler> tls, ChannelHandler app) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelHandler handler = tls.apply(ch);
                if (handler != null) {
                    ch.pipeline().addLast("jdk-tls", handler);
                }
                ch.pipeline().addLast(app);
            }
        };
    }
}

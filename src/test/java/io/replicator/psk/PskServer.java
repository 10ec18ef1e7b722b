package io.replicator.psk;

import io.netty.channel.socket.SocketChannel;
import io.replicator.testing.NettyTestServer;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A minimal TLS-PSK TCP server for tests and benchmarks: every accepted channel gets the PSK
 * handlers, then {@code application} adds its own. Owns its event loops; close() stops them.
 */
public final class PskServer implements AutoCloseable {
    private final NettyTestServer server;

    private PskServer(NettyTestServer server) {
        this.server = server;
    }

    /** Binds (port 0: any free port) and returns once listening. */
    public static PskServer start(InetSocketAddress bind, PskKeyRing ring, PskSettings settings,
                                  Consumer<SocketChannel> application) throws InterruptedException {
        return new PskServer(NettyTestServer.start(bind, ch -> {
            PskPipeline.addServerHandlers(ch.pipeline(), ring, settings);
            application.accept(ch);
        }));
    }

    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}

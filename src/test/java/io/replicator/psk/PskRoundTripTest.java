package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client to our server: data integrity, identity reporting and key rotation. */
class PskRoundTripTest {
    private static final long SIZE = 64L << 20;
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PskSettings settings = PskSettings.defaults().withMeterRegistry(registry);

    @Test
    void sixtyFourMebibytesArriveIntactAndTheIdentityIsReported() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        PskKeyRing ring = PskKeyFile.parse(TestKeys.writeKeyFile(dir, "psk.txt", line));
        DigestSinkHandler sink = new DigestSinkHandler();
        EventRecorder serverEvents = new EventRecorder();
        try (PskServer server = PskServer.start(ANY_PORT, ring, settings, ch -> ch.pipeline().addLast(serverEvents, sink));
             PskClient client = new PskClient(ring.first(), settings)) {
            DigestSenderHandler sender = new DigestSenderHandler(SIZE, 1);
            PskClient.Connection connection = client.connect(server.localAddress(), ch -> ch.pipeline().addLast(sender));

            assertThat(connection.handshake().get(10, TimeUnit.SECONDS)).isEqualTo("volsync");
            DigestSenderHandler.Result result = sender.result.get(120, TimeUnit.SECONDS);
            assertThat(result.echoed()).isEqualTo(result.sent());
            assertThat(sink.received.get(10, TimeUnit.SECONDS)).isEqualTo(result.sent());
            assertThat(serverEvents.nextCompleted().identity()).isEqualTo("volsync");
        }
        assertThat(registry.find(PskFailureMetrics.NAME).counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void serverAcceptsEveryIdentityOfItsKeyFileForRotation() throws Exception {
        String oldLine = PskKeyGenerator.generate("site-a-2025");
        String newLine = PskKeyGenerator.generate("site-a-2026");
        PskKeyRing serverRing = PskKeyFile.parse(TestKeys.writeKeyFile(dir, "server.txt", oldLine, newLine));
        try (PskServer server = PskServer.start(ANY_PORT, serverRing, settings, ch -> ch.pipeline().addLast(new DigestSinkHandler()))) {
            for (String line : new String[] {oldLine, newLine}) {
                PskKeyRing clientRing = PskKeyFile.parse(TestKeys.writeKeyFile(dir, "client.txt", line));
                try (PskClient client = new PskClient(clientRing.first(), settings)) {
                    DigestSenderHandler sender = new DigestSenderHandler(1 << 20, 2);
                    String identity = client.connect(server.localAddress(), c -> c.pipeline().addLast(sender))
                            .handshake().get(10, TimeUnit.SECONDS);
                    assertThat(identity).isEqualTo(clientRing.first().identity());
                    DigestSenderHandler.Result r = sender.result.get(30, TimeUnit.SECONDS);
                    assertThat(r.echoed()).isEqualTo(r.sent());
                }
            }
        }
    }

    /** close() right after a large write: the data still arrives, then close_notify; nobody counts a failure. */
    @Test
    void closeAfterWriteDeliversEverythingThenCloseNotify() throws Exception {
        PskKeyRing ring = PskKeyFile.parse(TestKeys.writeKeyFile(dir, "psk.txt", PskKeyGenerator.generate("volsync")));
        DigestSinkHandler sink = new DigestSinkHandler();
        byte[] data = new byte[8 << 20];
        new java.util.SplittableRandom(11).nextBytes(data);
        try (PskServer server = PskServer.start(ANY_PORT, ring, settings, ch -> ch.pipeline().addLast(sink));
             PskClient client = new PskClient(ring.first(), settings)) {
            PskClient.Connection connection = client.connect(server.localAddress(), c -> { });
            connection.handshake().get(10, TimeUnit.SECONDS);
            var ch = connection.channel();
            ch.eventLoop().submit(() -> {
                ch.write(ch.alloc().buffer(8).writeLong(data.length));
                ch.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(data));
                ch.close();
            }).sync();

            assertThat(ch.closeFuture().await(20, TimeUnit.SECONDS)).isTrue();
            String expected = java.util.HexFormat.of().formatHex(Payload.sha256().digest(data));
            assertThat(sink.received.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
        }
        assertThat(registry.find(PskFailureMetrics.NAME).counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }
}

package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refused connections: each is closed, named (event, counter, one log line with the peer and never
 * the key) and does not disturb the server, which then serves a good client.
 */
class PskNegativeTest {
    private final String line = PskKeyGenerator.generate("volsync");
    private final PskKeyRing ring = ring(line);
    private final PrometheusMeterRegistry serverRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SimpleMeterRegistry clientRegistry = new SimpleMeterRegistry();
    private final EventRecorder events = new EventRecorder();
    private final LogCapture logs = new LogCapture();
    private PskServer server;

    private static PskKeyRing ring(String... lines) {
        try {
            return PskKeyFile.parse("test", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        } catch (PskKeyFileException e) {
            throw new AssertionError(e);
        }
    }

    private static PskSettings settings(MeterRegistry registry) {
        return PskSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(2)).withMeterRegistry(registry);
    }

    @BeforeEach
    void startServer() throws InterruptedException {
        server = PskServer.start(new InetSocketAddress("127.0.0.1", 0), ring, settings(serverRegistry),
                ch -> ch.pipeline().addLast(events, new DigestSinkHandler()));
    }

    @AfterEach
    void stop() {
        server.close();
        logs.close();
    }

    @Test
    void wrongKeyIsNamedOnBothSides() throws Exception {
        String wrong = "volsync:" + TestKeys.hexOf(PskKeyGenerator.generate("x"));
        assertClientFails(ring(wrong).first(), PskFailureReason.WRONG_KEY);
        assertServerFailure(PskFailureReason.WRONG_KEY);
        assertThat(serverRegistry.scrape()).contains("replicator_psk_failures_total{reason=\"wrong_key\"} 1.0")
                .contains("replicator_psk_failures_total{reason=\"unknown_identity\"} 0.0");
        assertThat(logs.warnings("TLS-PSK server")).singleElement().asString()
                .doesNotContain(TestKeys.hexOf(line)).doesNotContain(TestKeys.hexOf(wrong));
        goodClientStillServed();
    }

    @Test
    void unknownIdentityIsNamedOnBothSides() throws Exception {
        assertClientFails(ring("intruder:" + TestKeys.hexOf(line)).first(), PskFailureReason.UNKNOWN_IDENTITY);
        assertServerFailure(PskFailureReason.UNKNOWN_IDENTITY);
        assertThat(logs.warnings("TLS-PSK server")).singleElement().asString().contains("'intruder'");
        goodClientStillServed();
    }

    @Test
    void plainTcpClientIsNotTls() throws Exception {
        try (Socket socket = rawConnect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertServerFailure(PskFailureReason.NOT_TLS);
            assertClosedByServer(socket);
        }
        goodClientStillServed();
    }

    @Test
    void silentClientHitsTheHandshakeTimeout() throws Exception {
        try (Socket socket = rawConnect()) {
            assertServerFailure(PskFailureReason.HANDSHAKE_TIMEOUT);
            assertClosedByServer(socket);
        }
        goodClientStillServed();
    }

    @Test
    void establishedConnectionWithoutTrafficHitsTheIdleTimeout() throws Exception {
        PskSettings shortIdle = settings(serverRegistry).withIdleTimeout(Duration.ofMillis(300));
        EventRecorder idleEvents = new EventRecorder();
        try (PskServer idleServer = PskServer.start(new InetSocketAddress("127.0.0.1", 0), ring, shortIdle,
                ch -> ch.pipeline().addLast(idleEvents));
             PskClient client = new PskClient(ring.first(), settings(clientRegistry))) {
            Channel ch = client.connect(idleServer.localAddress(), c -> { }).connectFuture().sync().channel();
            assertThat(idleEvents.nextCompleted().identity()).isEqualTo("volsync");
            assertThat(idleEvents.nextFailed().reason()).isEqualTo(PskFailureReason.IDLE_TIMEOUT);
            assertThat(ch.closeFuture().await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(count(serverRegistry, PskFailureReason.IDLE_TIMEOUT)).isEqualTo(1);
        }
    }

    @Test
    void clientNamesAServerThatIsNotTls() throws Exception {
        try (ServerSocket ssh = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PskClient client = new PskClient(ring.first(), settings(clientRegistry))) {
            Thread greeter = new Thread(() -> {
                try (Socket s = ssh.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the client hung up, as expected
                }
            });
            greeter.start();
            assertHandshakeFails(client.connect(new InetSocketAddress("127.0.0.1", ssh.getLocalPort()), c -> { }),
                    PskFailureReason.NOT_TLS);
            greeter.join(20_000);
        }
    }

    private void assertClientFails(PskKey key, PskFailureReason expected) throws Exception {
        try (PskClient client = new PskClient(key, settings(clientRegistry))) {
            PskClient.Connection connection = client.connect(server.localAddress(), c -> { });
            assertHandshakeFails(connection, expected);
            assertThat(connection.channel().closeFuture().await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count(clientRegistry, expected)).isEqualTo(1);
    }

    private static void assertHandshakeFails(PskClient.Connection connection, PskFailureReason expected) {
        assertThatThrownBy(() -> connection.handshake().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .extracting(Throwable::getCause)
                .isInstanceOfSatisfying(PskHandshakeException.class, e -> assertThat(e.reason()).isEqualTo(expected));
    }

    private void assertServerFailure(PskFailureReason expected) throws InterruptedException {
        assertThat(events.nextFailed().reason()).isEqualTo(expected);
        assertThat(count(serverRegistry, expected)).isEqualTo(1);
        assertThat(logs.warnings("TLS-PSK server")).singleElement().asString()
                .contains("127.0.0.1:").contains(expected.tag());
    }

    private void goodClientStillServed() throws Exception {
        try (PskClient client = new PskClient(ring.first(), settings(clientRegistry))) {
            DigestSenderHandler sender = new DigestSenderHandler(1 << 20, 7);
            client.connect(server.localAddress(), c -> c.pipeline().addLast(sender)).connectFuture().sync();
            DigestSenderHandler.Result r = sender.result.get(20, TimeUnit.SECONDS);
            assertThat(r.echoed()).isEqualTo(r.sent());
        }
        assertThat(events.nextCompleted().identity()).isEqualTo("volsync");
    }

    private Socket rawConnect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(20_000); // a hang fails the test instead of blocking the build
        return s;
    }

    /** Reads to the end: EOF or a reset proves the server closed; a hang hits the socket timeout and fails. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        try {
            socket.getInputStream().readAllBytes();
        } catch (java.net.SocketException reset) {
            // closed with RST: closed as well
        }
    }

    private static double count(MeterRegistry registry, PskFailureReason reason) {
        return registry.get(PskFailureMetrics.NAME).tag("reason", reason.tag()).counter().count();
    }
}

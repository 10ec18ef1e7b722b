package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Debian's stunnel4 using VolSync's settings: destination stunnel (kPSK, TLS 1.3 min)
 * accepts our client; source stunnel (client = yes, ciphers = PSK) is accepted by our server.
 */
class PskStunnelInteropTest {
    private static final long SIZE = 64L << 20;
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PskSettings settings = PskSettings.defaults().withMeterRegistry(registry);

    static String destinationConfig(int accept, int connect, Path keys) {
        return "[volsync-destination]\naccept = 127.0.0.1:" + accept + "\nconnect = 127.0.0.1:" + connect
                + "\nciphers = kPSK\nsslVersionMin = TLSv1.3\nPSKsecrets = " + keys + "\n";
    }

    static String sourceConfig(int accept, int connect, Path keys) {
        return "[volsync-source]\nclient = yes\naccept = 127.0.0.1:" + accept + "\nconnect = 127.0.0.1:" + connect
                + "\nciphers = PSK\nPSKsecrets = " + keys + "\n";
    }

    @Test
    void ourClientSendsSixtyFourMebibytesThroughStunnelServer() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        Path keys = TestKeys.writeKeyFile(dir, "psk.txt", line);
        int accept = Stunnel.freePort();
        try (PlainDigest.Server backend = new PlainDigest.Server();
             Stunnel stunnel = Stunnel.start(dir, destinationConfig(accept, backend.port(), keys));
             PskClient client = new PskClient(PskKeyFile.parse(keys).first(), settings)) {
            DigestSenderHandler sender = new DigestSenderHandler(SIZE, 3);
            PskClient.Connection connection = client.connect(new InetSocketAddress("127.0.0.1", accept),
                    c -> c.pipeline().addLast(sender));

            assertThat(connection.handshake().get(10, TimeUnit.SECONDS)).isEqualTo("volsync");
            DigestSenderHandler.Result result = sender.result.get(120, TimeUnit.SECONDS);
            assertThat(result.echoed()).isEqualTo(result.sent());
            assertThat(backend.digests.poll(10, TimeUnit.SECONDS)).isEqualTo(result.sent());
            assertThat(stunnel.log()).anyMatch(l -> l.contains("TLSv1.3") && l.contains("TLS_AES_128_GCM_SHA256"));
        }
    }

    @Test
    void stunnelClientSendsSixtyFourMebibytesToOurServer() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        Path keys = TestKeys.writeKeyFile(dir, "psk.txt", line);
        DigestSinkHandler sink = new DigestSinkHandler();
        EventRecorder events = new EventRecorder();
        int accept = Stunnel.freePort();
        try (PskServer server = PskServer.start(ANY_PORT, PskKeyFile.parse(keys), settings,
                     ch -> ch.pipeline().addLast(events, sink));
             Stunnel stunnel = Stunnel.start(dir, sourceConfig(accept, server.port(), keys))) {
            DigestSenderHandler.Result result = PlainDigest.send(accept, SIZE, 4);

            assertThat(result.echoed()).isEqualTo(result.sent());
            assertThat(sink.received.get(10, TimeUnit.SECONDS)).isEqualTo(result.sent());
            assertThat(events.nextCompleted().identity()).isEqualTo("volsync");
            assertThat(stunnel.log()).anyMatch(l -> l.contains("TLSv1.3") && l.contains("TLS_AES_128_GCM_SHA256"));
        }
    }

    @Test
    void stunnelServerRefusingOurKeyIsReportedAsWrongKey() throws Exception {
        Path serverKeys = TestKeys.writeKeyFile(dir, "server.txt", PskKeyGenerator.generate("volsync"));
        Path clientKeys = TestKeys.writeKeyFile(dir, "client.txt", PskKeyGenerator.generate("volsync"));
        assertClientFailsAgainstStunnel(serverKeys, clientKeys, PskFailureReason.WRONG_KEY);
    }

    @Test
    void stunnelServerNotKnowingOurIdentityIsReportedAsUnknownIdentity() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        Path serverKeys = TestKeys.writeKeyFile(dir, "server.txt", line);
        Path clientKeys = TestKeys.writeKeyFile(dir, "client.txt", "stranger:" + TestKeys.hexOf(line));
        assertClientFailsAgainstStunnel(serverKeys, clientKeys, PskFailureReason.UNKNOWN_IDENTITY);
    }

    @Test
    void stunnelClientWithWrongKeyOrIdentityIsRefusedByOurServer() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        Path serverKeys = TestKeys.writeKeyFile(dir, "server.txt", line);
        assertStunnelClientRefused(serverKeys, TestKeys.writeKeyFile(dir, "wrong.txt", PskKeyGenerator.generate("volsync")),
                PskFailureReason.WRONG_KEY);
        assertStunnelClientRefused(serverKeys, TestKeys.writeKeyFile(dir, "unknown.txt", "stranger:" + TestKeys.hexOf(line)),
                PskFailureReason.UNKNOWN_IDENTITY);
    }

    private void assertClientFailsAgainstStunnel(Path serverKeys, Path clientKeys, PskFailureReason expected) throws Exception {
        int accept = Stunnel.freePort();
        try (PlainDigest.Server backend = new PlainDigest.Server();
             Stunnel stunnel = Stunnel.start(dir, destinationConfig(accept, backend.port(), serverKeys));
             PskClient client = new PskClient(PskKeyFile.parse(clientKeys).first(), settings)) {
            PskClient.Connection connection = client.connect(new InetSocketAddress("127.0.0.1", accept), c -> { });
            assertThatThrownBy(() -> connection.handshake().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .extracting(Throwable::getCause)
                    .isInstanceOfSatisfying(PskHandshakeException.class, e -> assertThat(e.reason()).isEqualTo(expected));
            assertThat(registry.counter(PskFailureMetrics.NAME, "reason", expected.tag()).count()).isEqualTo(1);
        }
    }

    private void assertStunnelClientRefused(Path serverKeys, Path clientKeys, PskFailureReason expected) throws Exception {
        EventRecorder events = new EventRecorder();
        int accept = Stunnel.freePort();
        try (PskServer server = PskServer.start(ANY_PORT, PskKeyFile.parse(serverKeys), settings, ch -> ch.pipeline().addLast(events));
             Stunnel stunnel = Stunnel.start(dir, sourceConfig(accept, server.port(), clientKeys))) {
            assertThatThrownBy(() -> PlainDigest.send(accept, 1024, 5)).isInstanceOf(Exception.class);
            assertThat(events.nextFailed().reason()).isEqualTo(expected);
        }
    }
}

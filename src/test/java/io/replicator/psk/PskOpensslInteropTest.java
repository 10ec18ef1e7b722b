package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openssl s_client} (OpenSSL 3) as an independent TLS 1.3 PSK client: -psk alone is enough,
 * s_client turns it into a TLS 1.3 external PSK bound to TLS_AES_128_GCM_SHA256.
 */
class PskOpensslInteropTest {
    private static final long SIZE = 64L << 20;

    @TempDir
    Path dir;

    private final PskSettings settings = PskSettings.defaults().withMeterRegistry(new SimpleMeterRegistry());

    static Path openssl() {
        Path p = Path.of("/usr/bin/openssl");
        if (!Files.isExecutable(p)) {
            throw new AssertionError("openssl is not installed");
        }
        return p;
    }

    private Process sClient(int port, String line, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(openssl().toString(), "s_client", "-connect", "127.0.0.1:" + port,
                "-psk_identity", line.substring(0, line.indexOf(':')), "-psk", TestKeys.hexOf(line),
                "-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("s_client.err").toFile()).start();
    }

    @Test
    void sClientSendsSixtyFourMebibytesToOurServer() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        DigestSinkHandler sink = new DigestSinkHandler();
        EventRecorder events = new EventRecorder();
        try (PskServer server = PskServer.start(new InetSocketAddress("127.0.0.1", 0),
                PskKeyFile.parse(TestKeys.writeKeyFile(dir, "psk.txt", line)), settings,
                ch -> ch.pipeline().addLast(events, sink))) {
            Process p = sClient(server.port(), line, "-quiet");
            try {
                CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> feed(p.getOutputStream()));
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                String echoed = out.readLine();

                assertThat(echoed).isEqualTo(sent.get(60, TimeUnit.SECONDS));
                assertThat(sink.received.get(10, TimeUnit.SECONDS)).isEqualTo(echoed);
                assertThat(events.nextCompleted().identity()).isEqualTo("volsync");
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** s_client reports what was negotiated: TLS 1.3, AES-128-GCM, and an X25519 share (forward secrecy). */
    @Test
    void negotiatesTls13AesGcmWithX25519KeyShare() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        try (PskServer server = PskServer.start(new InetSocketAddress("127.0.0.1", 0),
                PskKeyFile.parse(TestKeys.writeKeyFile(dir, "psk.txt", line)), settings, ch -> { })) {
            Process p = sClient(server.port(), line, "-brief");
            p.getOutputStream().close(); // EOF on stdin: s_client shuts down after the handshake
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String report = Files.readString(dir.resolve("s_client.err"));
            assertThat(report).contains("Protocol version: TLSv1.3")
                    .contains("Ciphersuite: TLS_AES_128_GCM_SHA256")
                    .contains("Server Temp Key: X25519");
        }
    }

    private static String feed(OutputStream stdin) {
        try (OutputStream out = stdin) {
            Payload payload = new Payload(SIZE, 6);
            new DataOutputStream(out).writeLong(SIZE);
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = payload.next(chunk)) > 0) {
                out.write(chunk, 0, n);
            }
            return payload.hexDigest();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

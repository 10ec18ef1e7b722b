package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What our client's ClientHello carries, read off the wire by a plain socket. Its
 * signature_algorithms list is fixed (BC's default list asks the JCA for every scheme, which loads
 * all of the JDK's security providers in a cold mover): a PSK handshake signs nothing, and the
 * pre_shared_key extension is what makes the short list valid (RFC 8446, 9.2).
 */
class PskClientHelloTest {
    private static final int SIGNATURE_ALGORITHMS = 13;
    private static final int PRE_SHARED_KEY = 41;

    @Test
    void offersThePskAndAShortFixedSignatureAlgorithmsList() throws Exception {
        PskKeyRing ring = PskKeyFile.parse("test", PskKeyGenerator.generate("volsync").getBytes(StandardCharsets.UTF_8));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PskClient client = new PskClient(ring.first(), PskSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(5)))) {
            CompletableFuture<byte[]> hello = CompletableFuture.supplyAsync(() -> readClientHello(listener));
            client.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), c -> { });
            Map<Integer, byte[]> extensions = extensions(hello.get(20, TimeUnit.SECONDS));

            assertThat(extensions).containsKey(PRE_SHARED_KEY);
            assertThat(u16List(extensions.get(SIGNATURE_ALGORITHMS)))
                    .containsExactly(0x0403, 0x0807, 0x0804); // ecdsa_secp256r1_sha256, ed25519, rsa_pss_rsae_sha256
        }
    }

    /** The first TLS record the client sends: its ClientHello (handshake message with header). */
    private static byte[] readClientHello(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[5];
            in.readFully(header);
            assertThat(header[0]).as("record type handshake").isEqualTo((byte) 22);
            byte[] body = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
            in.readFully(body);
            return body;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Extension type to data, in order, from a ClientHello handshake message. */
    private static Map<Integer, byte[]> extensions(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message);
        assertThat(b.get()).as("handshake type client_hello").isEqualTo((byte) 1);
        b.position(b.position() + 3 + 2 + 32); // length, legacy_version, random
        skip(b, b.get() & 0xFF); // legacy_session_id
        skip(b, b.getShort() & 0xFFFF); // cipher_suites
        skip(b, b.get() & 0xFF); // legacy_compression_methods
        int length = b.getShort() & 0xFFFF;
        int end = b.position() + length;
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        while (b.position() < end) {
            int type = b.getShort() & 0xFFFF;
            byte[] data = new byte[b.getShort() & 0xFFFF];
            b.get(data);
            out.put(type, data);
        }
        return out;
    }

    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n);
    }

    private static List<Integer> u16List(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int n = (b.getShort() & 0xFFFF) / 2;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.getShort() & 0xFFFF);
        }
        return out;
    }
}

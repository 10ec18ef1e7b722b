package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The minimal HTTP client against a scripted server: keep-alive reuse, a connection the server
 * closed while idle, and the answers it must refuse rather than guess (the caller then goes
 * through the S3Client).
 */
class SmallHttpTest {
    private static final byte[] GET = "GET /b/k HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Answers each request with the next scripted response; "CLOSE" closes the connection instead,
     * a response ending in CUT is sent without it and the connection closed.
     */
    private final BlockingQueue<String> script = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket server;
    private SmallHttp http;

    private void start(String... responses) throws IOException {
        serve(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), responses);
        http = new SmallHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private void serve(ServerSocket socket, String... responses) {
        script.addAll(List.of(responses));
        server = socket;
        Thread t = new Thread(this::serve, "scripted-http");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        start(ok("one"), ok("two"), ok("three"));

        for (String want : List.of("one", "two", "three")) {
            SmallHttp.Response r = http.exchange(GET, null, 100);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(want);
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedWithoutAnError() throws Exception {
        start(ok("one"), "CLOSE", ok("two"));

        assertThat(http.exchange(GET, null, 100).body()).asString().isEqualTo("one");
        assertThat(http.exchange(GET, null, 100).body()).asString().isEqualTo("two");
        assertThat(connections).hasValue(2);
    }

    @Test
    void connectionCloseAndErrorStatusesAreNotReused() throws Exception {
        start("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\na",
                "HTTP/1.1 503 Slow Down\r\nContent-Length: 5\r\n\r\nslow!", ok("c"));

        assertThat(http.exchange(GET, null, 100).body()).asString().isEqualTo("a");
        SmallHttp.Response error = http.exchange(GET, null, 100);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.body()).isNull();
        assertThat(http.exchange(GET, null, 100).body()).asString().isEqualTo("c");
        assertThat(connections).hasValue(3);
    }

    @Test
    void answersItCannotReadExactlyAreErrors() throws Exception {
        start("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshortCUT", "SPDY/3 200 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + "x".repeat(500));

        assertThatThrownBy(() -> http.exchange(GET, null, 100)).hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> http.exchange(GET, null, 100)).hasMessageContaining("shorter than its Content-Length");
        assertThatThrownBy(() -> http.exchange(GET, null, 100)).hasMessageContaining("status line");
        SmallHttp.Response tooLarge = http.exchange(GET, null, 100);
        assertThat(tooLarge.status()).isEqualTo(200);
        assertThat(tooLarge.body()).as("longer than the caller expects: not read").isNull();
        assertThat(connections).as("no connection reused after any of these").hasValue(4);
    }

    @Test
    void aFreshConnectionThatGetsNoAnswerIsAnError() throws Exception {
        start("CLOSE");

        assertThatThrownBy(() -> http.exchange(GET, null, 100)).isInstanceOf(IOException.class);
        assertThat(connections).hasValue(1);
    }

    @Test
    void httpsChecksTheCertificateAndTheNameInIt() throws Exception {
        X509Certificate named = certificate("127.0.0.1");
        serve(tlsContext(named, null).getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                ok("secret"));
        URI endpoint = URI.create("https://127.0.0.1:" + server.getLocalPort());
        http = new SmallHttp(endpoint, tlsContext(null, named).getSocketFactory());

        assertThat(http.exchange(GET, null, 100).body()).asString().isEqualTo("secret");
        http.close(); // the scripted server serves one connection at a time
        try (SmallHttp untrusting = new SmallHttp(endpoint, (SSLSocketFactory) SSLSocketFactory.getDefault())) {
            assertThatThrownBy(() -> untrusting.exchange(GET, null, 100)).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void httpsRefusesACertificateForAnotherHost() throws Exception {
        X509Certificate other = certificate("127.0.0.2");
        serve(tlsContext(other, null).getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                ok("secret"));
        http = new SmallHttp(URI.create("https://127.0.0.1:" + server.getLocalPort()),
                tlsContext(null, other).getSocketFactory());

        assertThatThrownBy(() -> http.exchange(GET, null, 100)).isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("127.0.0.1");
    }

    private final Map<X509Certificate, KeyPair> keys = new HashMap<>();

    /** A self-signed certificate naming one IP address, its key kept for the server side. */
    private X509Certificate certificate(String ip) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=" + ip);
        Date now = new Date();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L),
                name, pair.getPublic()).addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        keys.put(cert, pair);
        return cert;
    }

    /** A TLS context that presents {@code own} (if any) and trusts only {@code trusted} (if any). */
    private SSLContext tlsContext(X509Certificate own, X509Certificate trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] pass = "test".toCharArray();
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (own != null) {
            store.setKeyEntry("own", keys.get(own).getPrivate(), pass, new Certificate[] {own});
        }
        if (trusted != null) {
            store.setCertificateEntry("trusted", trusted);
        }
        km.init(store, pass);
        tm.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(own == null ? null : km.getKeyManagers(), trusted == null ? null : tm.getTrustManagers(), null);
        return ctx;
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nETag: \"e\"\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (readRequest(in)) {
                    String next = script.take();
                    if (next.equals("CLOSE")) {
                        break;
                    }
                    out.write(next.replaceAll("CUT$", "").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (next.endsWith("CUT")) {
                        break;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client closed, or the test is over
            }
        }
    }

    /** Reads one request head (these requests carry no body); false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            head.write(c);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                return true;
            }
        }
        return false;
    }
}

package io.replicator.s3sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The smallest HTTP/1.1 client that serves {@link DirectObjects}: one request out, one response
 * with a Content-Length body back, keep-alive connections reused. Anything outside that narrow case
 * is an IOException (chunked or missing length on a 200, malformed lines), and the caller sends the
 * request again through the S3Client, which owns everything else. Timeouts are the SDK client's:
 * 10 s to connect, 60 s per read.
 *
 * <p>Hand-rolled, with {@link SigV4}, because it measured better than the SDK's own signer
 * (AwsV4HttpSigner) on the JDK's java.net.http client (HTTP/1.1), cold and warm, both passing the
 * Ceph RGW contract (Rgw*Test, 59 tests each). Same run, 2 cores shared with other builds (load
 * average 26-43), medians of 3, wall / CPU seconds, hand-written vs SDK signer + java.net.http:
 * cold, a fresh process per run ({@code bench/cold.sh s3}, OBJECTS=10000 x 1 KiB): first sync
 * 21.2 / 8.3 vs 52.0 / 19.6 (rclone 15.8 / 7.6), no-change rerun 32.8 / 5.2 vs 39.7 / 5.4; warm,
 * in a warmed-up JVM ({@code bench/s3sync.sh}, 2,000 x 4 KiB to an empty bucket): 2.4 / 0.7 and
 * 1.7 / 0.6 in two runs vs 4.3 / 2.4 and 5.4 / 2.7. Raw output: bench/results/smallhttp-vs-sdk.txt.
 */
final class SmallHttp implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    /** Idle connections older than this are closed rather than reused (servers drop them at 5-60 s). */
    private static final long MAX_IDLE_NANOS = 4_000_000_000L;
    private static final int MAX_LINE = 16 * 1024;

    /** Status, headers (case-insensitive names, ISO-8859-1 values) and, for a 200, the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /**
     * The request could not be sent or not a byte came back: on a reused connection, the server had
     * closed it while idle, and the request is sent once more on a new one.
     */
    private static final class NoResponse extends IOException {
        NoResponse(IOException cause) {
            super("no response on this connection", cause);
        }
    }

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** tls: the factory for https endpoints (the JVM's trust store in production), unused for http. */
    SmallHttp(URI endpoint, SSLSocketFactory tls) {
        this.host = endpoint.getHost().startsWith("[") ? endpoint.getHost().substring(1, endpoint.getHost().length() - 1)
                : endpoint.getHost();
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        this.port = endpoint.getPort() >= 0 ? endpoint.getPort() : https ? 443 : 80;
        this.tls = https ? tls : null;
    }

    /**
     * Sends {@code head} (request line and headers, blank line included) and {@code body}; reads the
     * response. A 200's body is read when its Content-Length is at most {@code maxBody}, else it is
     * null; other statuses' bodies are not read (that connection is closed).
     */
    Response exchange(byte[] head, byte[] body, int maxBody) throws IOException {
        Connection c = pooled();
        if (c != null) {
            try {
                return c.exchange(head, body, maxBody);
            } catch (NoResponse e) {
                c.close(); // closed by the server while idle: once more on a new connection
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        c = new Connection(open());
        try {
            return c.exchange(head, body, maxBody);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Connection pooled() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (System.nanoTime() - c.idleSince < MAX_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            if (tls == null) {
                return s;
            }
            SSLSocket t = (SSLSocket) tls.createSocket(s, host, port, true);
            SSLParameters p = t.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            t.setSSLParameters(p);
            t.startHandshake();
            return t;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }

    /** One kept-alive socket; used by one thread at a time (taken from and returned to the pool). */
    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response exchange(byte[] head, byte[] body, int maxBody) throws IOException {
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                throw new NoResponse(e);
            }
            String status = line(true);
            if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
                throw new IOException("not an HTTP/1.x status line");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String h = line(false); !h.isEmpty(); h = line(false)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line");
                }
                headers.merge(h.substring(0, colon).trim(), h.substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
            boolean reusable = !"close".equalsIgnoreCase(headers.get("Connection")) && status.startsWith("HTTP/1.1");
            byte[] content = null;
            if (code == 200) {
                long length = length(headers);
                if (length <= maxBody) {
                    content = in.readNBytes((int) length);
                    if (content.length != length) {
                        throw new IOException("response body shorter than its Content-Length");
                    }
                } else {
                    reusable = false;
                }
            } else {
                reusable = false; // the error body is not needed
            }
            if (reusable && !closed) {
                idleSince = System.nanoTime();
                idle.offerFirst(this);
                if (closed) {
                    SmallHttp.this.close(); // closed meanwhile: do not leave this one behind in the pool
                }
            } else {
                close();
            }
            return new Response(code, headers, content);
        }

        private long length(Map<String, String> headers) throws IOException {
            String length = headers.get("Content-Length");
            if (length == null || headers.containsKey("Transfer-Encoding")) {
                throw new IOException("response without a Content-Length");
            }
            return Long.parseLong(length);
        }

        /** One CRLF-terminated line, ISO-8859-1; first: an immediate EOF means no response at all. */
        private String line(boolean first) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            for (int c = read(first && b.size() == 0); c != '\n'; c = read(first && b.size() == 0)) {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (b.size() >= MAX_LINE) {
                    throw new IOException("response line longer than " + MAX_LINE + " bytes");
                }
                b.write(c);
            }
            String s = b.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** One byte; noneYet: failing before the response's first byte means there was no response. */
        private int read(boolean noneYet) throws IOException {
            try {
                int c = in.read();
                if (c < 0 && noneYet) {
                    throw new NoResponse(null);
                }
                return c;
            } catch (NoResponse | java.net.SocketTimeoutException e) {
                throw e; // a timeout: the server has the request and is slow, sending it again would not help
            } catch (IOException e) {
                if (noneYet) {
                    throw new NoResponse(e); // e.g. reset by a server that had closed the idle connection
                }
                throw e;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to release beyond the socket
            }
        }
    }
}

package io.replicator.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small HTTP/1.1 proxy on 127.0.0.1 in front of an S3 server: counts requests by S3 operation
 * (server side, independent of the client's own counting) and injects faults into matching
 * requests: 503 SlowDown, 500, or a TCP reset before or during the response. SigV4 signatures stay
 * valid because requests pass through byte for byte (the Host header names the proxy on both legs).
 * Plain blocking sockets, two threads per connection: short and good enough for tests and the
 * benchmark's request counting.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Fault {
        SLOW_DOWN_503(503, "Slow Down", "SlowDown"), INTERNAL_ERROR_500(500, "Internal Server Error", "InternalError"),
        BAD_GATEWAY_502(502, "Bad Gateway", "BadGateway"), TOO_MANY_REQUESTS_429(429, "Too Many Requests", "TooManyRequests"),
        RESET_BEFORE_RESPONSE(0, null, null), RESET_MID_RESPONSE(0, null, null);

        final int status;
        final String reason;
        final String code;

        Fault(int status, String reason, String code) {
            this.status = status;
            this.reason = reason;
            this.code = code;
        }
    }

    /** A parsed request: bucket and key URL-decoded, query parameter names, headers by lower-case name. */
    public record Request(String method, String bucket, String key, Set<String> query, S3Op op,
                          Map<String, String> headers) {
    }

    private record Rule(Predicate<Request> match, Fault fault, AtomicInteger remaining) {
    }

    private static final int RESET_AFTER_BYTES = 1000;
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Map<S3Op, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Consumer<Request>> observers = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private FaultProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    public static FaultProxy start(URI target) throws IOException {
        return new FaultProxy(target);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public long count(S3Op op) {
        LongAdder a = counts.get(op);
        return a == null ? 0 : a.sum();
    }

    public Map<S3Op, Long> counts() {
        Map<S3Op, Long> m = new EnumMap<>(S3Op.class);
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void resetCounts() {
        counts.clear();
    }

    /** The next {@code times} requests matching {@code match} get {@code fault} (MAX_VALUE: always). */
    public void inject(Predicate<Request> match, Fault fault, int times) {
        rules.add(new Rule(match, fault, new AtomicInteger(times)));
    }

    /**
     * Calls {@code observer} with every request before it is forwarded (on the proxy's connection
     * thread, so the observer may change the server's state before the request reaches it).
     */
    public void onRequest(Consumer<Request> observer) {
        observers.add(observer);
    }

    public void clearFaults() {
        rules.clear();
    }

    /** TCP connections accepted so far (shows whether clients reuse connections). */
    public long connections() {
        return connections.get();
    }

    public long faultsInjected() {
        return faults.get();
    }

    public static Predicate<Request> op(S3Op op) {
        return r -> r.op() == op;
    }

    public static Predicate<Request> opAndKey(S3Op op, String key) {
        return r -> r.op() == op && key.equals(r.key());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fault proxy accept failed: " + e);
                }
            }
        }
    }

    private void handle(Socket client) {
        Socket upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        if (closed) {
            // accepted just before close() and registered after it closed the others: without this the
            // connection lived on and a "dead" endpoint kept answering (a flaky SyncSafetyContract run)
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, 5000);
            AtomicLong resetAfter = new AtomicLong(-1);
            Thread back = new Thread(() -> pipeResponses(upstream, client, resetAfter), "fault-proxy-resp");
            back.setDaemon(true);
            back.start();
            InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
            while (true) {
                HttpHead head = HttpHead.read(in, MAX_HEAD);
                if (head == null) {
                    upstream.shutdownOutput();
                    return;
                }
                Request req = parse(head);
                counts.computeIfAbsent(req.op(), k -> new LongAdder()).increment();
                observers.forEach(o -> o.accept(req));
                Fault fault = takeFault(req);
                if (fault != null && fault.status > 0) {
                    if (!head.expectContinue()) {
                        head.copyBody(in, OutputStream.nullOutputStream());
                    }
                    writeError(client, req, fault);
                    return;
                }
                if (fault == Fault.RESET_BEFORE_RESPONSE) {
                    reset(client);
                    return;
                }
                if (fault == Fault.RESET_MID_RESPONSE) {
                    resetAfter.set(RESET_AFTER_BYTES);
                }
                out.write(head.raw());
                out.flush(); // with Expect: 100-continue the client waits for the server before the body
                head.copyBody(in, out);
                out.flush();
            }
        } catch (IOException e) {
            // a reset or close on either side ends this connection; the client sees it as such
        } finally {
            closeQuietly(upstream);
            if (!client.isClosed() && !client.isOutputShutdown()) {
                try {
                    client.shutdownOutput();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private void pipeResponses(Socket upstream, Socket client, AtomicLong resetAfter) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                long limit = resetAfter.get();
                if (limit >= 0 && n >= limit) {
                    out.write(buf, 0, (int) limit);
                    out.flush();
                    reset(client);
                    closeQuietly(upstream);
                    return;
                }
                if (limit >= 0) {
                    resetAfter.addAndGet(-n);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // connection ended
        } finally {
            closeQuietly(client);
            sockets.remove(client);
            sockets.remove(upstream);
        }
    }

    private Fault takeFault(Request req) {
        for (Rule r : rules) {
            if (r.match().test(req) && r.remaining().getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
                faults.incrementAndGet();
                return r.fault();
            }
        }
        return null;
    }

    private static Request parse(HttpHead h) {
        String target = h.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Set<String> names = new HashSet<>();
        if (q >= 0) {
            for (String p : target.substring(q + 1).split("&")) {
                if (!p.isEmpty()) {
                    names.add(URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8));
                }
            }
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        String bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 ? "" : decode(rest.substring(slash + 1));
        S3Op op = S3Op.classify(h.method(), !key.isEmpty(), names, h.header("x-amz-copy-source") != null);
        return new Request(h.method(), bucket, key, Set.copyOf(names), op, Map.copyOf(h.headers()));
    }

    private static String decode(String s) {
        // URLDecoder turns '+' into a space; in a path '+' is literal.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void writeError(Socket client, Request req, Fault fault) throws IOException {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code
                + "</Code><Message>injected by FaultProxy</Message><RequestId>faultproxy</RequestId></Error>";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        boolean head = req.method().equals("HEAD");
        String resp = "HTTP/1.1 " + fault.status + " " + fault.reason + "\r\n"
                + "Content-Type: application/xml\r\nContent-Length: " + (head ? 0 : b.length) + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(resp.getBytes(StandardCharsets.US_ASCII));
        if (!head) {
            all.write(b);
        }
        OutputStream out = client.getOutputStream();
        out.write(all.toByteArray());
        out.flush();
        client.shutdownOutput();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sockets.forEach(FaultProxy::closeQuietly);
    }
}

package io.replicator.psk;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;

/** The digest protocol over plain blocking sockets: the stunnel-facing ends of interop tests. */
final class PlainDigest {
    private PlainDigest() {
    }

    /** Sends {@code size} payload bytes to host:port and returns (our digest, their digest). */
    static DigestSenderHandler.Result send(int port, long size, long seed) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Payload payload = new Payload(size, seed);
            OutputStream out = socket.getOutputStream();
            new DataOutputStream(out).writeLong(size);
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = payload.next(chunk)) > 0) {
                out.write(chunk, 0, n);
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return new DigestSenderHandler.Result(payload.hexDigest(), in.readLine());
        }
    }

    /** A one-thread-per-connection digest server on 127.0.0.1; digests of finished connections queue up. */
    static final class Server implements AutoCloseable {
        final LinkedBlockingQueue<String> digests = new LinkedBlockingQueue<>();
        private final ServerSocket socket;

        Server() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::acceptLoop, "plain-digest-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> serve(s), "plain-digest-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                long remaining = new java.io.DataInputStream(in).readLong();
                MessageDigest digest = Payload.sha256();
                byte[] buf = new byte[64 * 1024];
                while (remaining > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                    if (n < 0) {
                        throw new IOException("EOF with " + remaining + " bytes missing");
                    }
                    digest.update(buf, 0, n);
                    remaining -= n;
                }
                String hex = HexFormat.of().formatHex(digest.digest());
                digests.add(hex);
                s.getOutputStream().write((hex + "\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                in.read(); // wait for the client to close
            } catch (IOException e) {
                digests.add("error: " + e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

package io.replicator.bench;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * VolSync's data path without rsync: plain TCP source -> stunnel client (ciphers = PSK) -> stunnel
 * server (kPSK, TLS 1.3 min) -> plain TCP sink, all on loopback.
 */
final class PskBenchStunnel {
    private final Path dir;
    private final Path binary;
    private final byte[] block;

    PskBenchStunnel(Path dir, Path binary, byte[] block) {
        this.dir = dir;
        this.binary = binary;
        this.block = block;
    }

    long run(Path keys, long size) throws Exception {
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sinkThread = new Thread(() -> sink(sink), "bench-sink");
            sinkThread.setDaemon(true);
            sinkThread.start();
            int serverPort = freePort();
            int clientPort = freePort();
            Process server = start("server", "[dst]\naccept = 127.0.0.1:" + serverPort + "\nconnect = 127.0.0.1:"
                    + sink.getLocalPort() + "\nciphers = kPSK\nsslVersionMin = TLSv1.3\nPSKsecrets = " + keys + "\n");
            Process client = start("client", "[src]\nclient = yes\naccept = 127.0.0.1:" + clientPort
                    + "\nconnect = 127.0.0.1:" + serverPort + "\nciphers = PSK\nPSKsecrets = " + keys + "\n");
            try (Socket source = new Socket(InetAddress.getLoopbackAddress(), clientPort)) {
                source.setTcpNoDelay(true);
                long start = System.nanoTime();
                OutputStream out = source.getOutputStream();
                new DataOutputStream(out).writeLong(size);
                for (long left = size; left > 0; ) {
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    left -= n;
                }
                out.flush();
                if (source.getInputStream().read() != 1) {
                    throw new IOException("the stunnel path lost data");
                }
                return System.nanoTime() - start;
            } finally {
                server.destroy();
                client.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
                client.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private void sink(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            InputStream in = s.getInputStream();
            long left = new DataInputStream(in).readLong();
            byte[] buf = new byte[256 * 1024];
            while (left > 0) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                left -= n;
            }
            s.getOutputStream().write(1);
            s.getOutputStream().flush();
            in.read();
        } catch (IOException ignored) {
            // the source reports the failure
        }
    }

    /** Starts stunnel and waits (bounded) for its "Accepting new connections" log line. */
    private Process start(String name, String service) throws Exception {
        Path conf = dir.resolve("stunnel-" + name + ".conf");
        Files.writeString(conf, "foreground = yes\npid =\ndebug = info\n" + service);
        Process p = new ProcessBuilder(binary.toString(), conf.toString()).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("Accepting new connections")) {
                        ready.complete(true);
                    } else if (line.contains("Configuration failed")) {
                        ready.complete(false);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            ready.complete(false);
        }, "stunnel-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(20, TimeUnit.SECONDS)) {
            p.destroy();
            throw new IllegalStateException("stunnel " + name + " did not start");
        }
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

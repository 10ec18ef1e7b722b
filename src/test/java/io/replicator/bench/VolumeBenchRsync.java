package io.replicator.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VolSync's rsync-TLS data path on loopback: rsync -> stunnel client -> stunnel server (kPSK,
 * TLS 1.3 minimum, PSKsecrets) -> rsync daemon exec'd per connection (uid/gid 0 when root), with
 * VolSync's two passes (copy, then delete) and its final {@code sync -f} on the destination.
 */
final class VolumeBenchRsync implements AutoCloseable {
    record Result(double seconds, double copySeconds, long bytes) {
    }

    private final Path dir;
    private final int clientPort;
    private final Process server;
    private final Process client;

    VolumeBenchRsync(Path dir, Path dst, Path pskFile, int serverPort, int clientPort) throws IOException,
            InterruptedException {
        this.dir = dir;
        this.clientPort = clientPort;
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("rsyncd.conf"), "[data]\npath = " + dst + "\nread only = false\n"
                + "use chroot = false\nmunge symlinks = false\n" + (root ? "uid = 0\ngid = 0\n" : ""));
        Files.writeString(dir.resolve("server.conf"), "foreground = yes\npid =\n[rsync]\naccept = 127.0.0.1:" + serverPort
                + "\nexec = /usr/bin/rsync\nexecArgs = rsync --server --daemon --config=" + dir.resolve("rsyncd.conf")
                + " .\nciphers = kPSK\nsslVersionMin = TLSv1.3\nPSKsecrets = " + pskFile + "\n");
        Files.writeString(dir.resolve("client.conf"), "foreground = yes\npid =\n[rsync]\nclient = yes\naccept = 127.0.0.1:"
                + clientPort + "\nconnect = 127.0.0.1:" + serverPort + "\nciphers = PSK\nPSKsecrets = " + pskFile + "\n");
        server = stunnel("server.conf");
        client = stunnel("client.conf");
        awaitPort(serverPort);
        awaitPort(clientPort);
    }

    private Process stunnel(String conf) throws IOException {
        return new ProcessBuilder("stunnel4", dir.resolve(conf).toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(conf + ".log").toFile()).start();
    }

    private static void awaitPort(int port) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50); // polling a port another process opens: no event to wait on
            }
        }
        throw new IOException("stunnel did not listen on " + port);
    }

    /** Syncs {@code src} into module path {@code sub} the way VolSync's mover does; returns time and bytes. */
    Result sync(Path src, String sub, Path dstDir) throws IOException, InterruptedException {
        String url = "rsync://127.0.0.1:" + clientPort + "/data/" + sub + "/";
        long t0 = System.nanoTime();
        String copy = run(List.of("rsync", "-aAhHSxz", "--no-human-readable", "--stats", "--exclude=lost+found",
                src + "/", url));
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        String delete = run(List.of("rsync", "-rx", "--no-human-readable", "--stats", "--exclude=lost+found",
                "--ignore-existing", "--ignore-non-existing", "--delete", src + "/", url));
        run(List.of("sync", "-f", dstDir.toString()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = stat(copy, "Total bytes sent") + stat(copy, "Total bytes received")
                + stat(delete, "Total bytes sent") + stat(delete, "Total bytes received");
        return new Result(seconds, copySeconds, bytes);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static long stat(String out, String label) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(label) + ": ([0-9,.]+)").matcher(out);
        if (!m.find()) {
            throw new IOException("no '" + label + "' in rsync --stats output: " + out);
        }
        return Long.parseLong(m.group(1).replace(",", "").replace(".", ""));
    }

    @Override
    public void close() {
        client.destroy();
        server.destroy();
    }
}

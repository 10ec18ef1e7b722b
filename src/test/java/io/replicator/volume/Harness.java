package io.replicator.volume;

import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A destination server on loopback (plain TCP unless a transport is given) and a source to sync with it. */
final class Harness implements AutoCloseable {
    static final String JOB = "vol";
    static final String PSK_IDENTITY = "alice";
    final DestinationContext context;
    final VolumeServer server;
    final VolumeSource source = new VolumeSource();
    final BlockingQueue<SessionReport> reports = new LinkedBlockingQueue<>();

    Harness(List<DestinationJob> jobs, Consumer<SocketChannel> transport, Duration timeout) throws InterruptedException {
        this(jobs, transport, timeout, DiskSync.REAL);
    }

    Harness(List<DestinationJob> jobs, Consumer<SocketChannel> transport, Duration timeout, DiskSync disk)
            throws InterruptedException {
        context = new DestinationContext(jobs, timeout, disk);
        server = new VolumeServer(new InetSocketAddress("127.0.0.1", 0), context, transport, reports::add);
    }

    Harness(Path dst) throws InterruptedException {
        this(List.of(DestinationJob.of(JOB, dst, null)), ch -> { }, Duration.ofSeconds(60));
    }

    private io.replicator.psk.PskKey clientKey;

    /** A destination of job {@link #JOB} over the real TLS-PSK handlers, identity "alice"; see {@link #settings}. */
    static Harness overTlsPsk(Path dst) throws Exception {
        return overTlsPsk(DestinationJob.of(JOB, dst, PSK_IDENTITY));
    }

    /** The same for a job of the test's own (its identity must be {@link #PSK_IDENTITY}). */
    static Harness overTlsPsk(DestinationJob job) throws Exception {
        String line = io.replicator.psk.PskKeyGenerator.generate(PSK_IDENTITY);
        io.replicator.psk.PskKeyRing ring = io.replicator.psk.PskKeyFile.parse("test",
                line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        io.replicator.psk.PskSettings psk = io.replicator.psk.PskSettings.defaults();
        Harness h = new Harness(List.of(job),
                ch -> io.replicator.psk.PskPipeline.addServerHandlers(ch.pipeline(), ring, psk), Duration.ofSeconds(120));
        h.clientKey = ring.first();
        return h;
    }

    /** Settings for a sync of src into this destination (with the TLS-PSK client when {@link #overTlsPsk}). */
    SourceSettings settings(Path src) {
        if (clientKey != null) {
            io.replicator.psk.PskKey key = clientKey;
            io.replicator.psk.PskSettings psk = io.replicator.psk.PskSettings.defaults();
            return SourceSettings.of(JOB, src, "127.0.0.1", server.port()).withIoTimeout(Duration.ofSeconds(120))
                    .withTransport(p -> io.replicator.psk.PskPipeline.addClientHandlers(p, key, psk));
        }
        return plainSettings(src);
    }

    private SourceSettings plainSettings(Path src) {
        return SourceSettings.of(JOB, src, "127.0.0.1", server.port()).withIoTimeout(Duration.ofSeconds(60));
    }

    SourceReport sync(SourceSettings s) {
        return source.sync(s, SyncProgress.NONE);
    }

    /** The next destination report (sessions fire exactly one each). */
    SessionReport nextReport() throws InterruptedException {
        SessionReport r = reports.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("volume") || t.getName().startsWith("nio")) {
                    dump.append(t.getName()).append('\n');
                    for (StackTraceElement e : st) {
                        dump.append("    ").append(e).append('\n');
                    }
                }
            });
            throw new AssertionError("no SessionReport within 60 s; threads:\n" + dump);
        }
        return r;
    }

    /** Waits until the destination has no running session (a failed session's workers have stopped). */
    void awaitIdle() throws InterruptedException {
        if (!context.awaitIdle(java.time.Duration.ofSeconds(60))) {
            throw new AssertionError("destination sessions still running after 60 s");
        }
    }

    @Override
    public void close() {
        source.close();
        server.close();
        context.close();
    }
}

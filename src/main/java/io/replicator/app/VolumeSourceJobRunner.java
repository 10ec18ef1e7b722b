package io.replicator.app;

import io.netty.channel.ChannelPipeline;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.delta.LiteralCompression;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.ProgressTicker;
import io.replicator.jobs.VolumeSourceRunner;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.volume.ChecksumMode;
import io.replicator.volume.SourceReport;
import io.replicator.volume.SourceSettings;
import io.replicator.volume.SyncProgress;
import io.replicator.volume.VolumeSource;
import io.replicator.volume.XattrMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Runs a configured volume-source job with the volume engine over TLS-PSK into one JobReport. */
final class VolumeSourceJobRunner implements VolumeSourceRunner {
    private final PskSettings psk;
    private final KeyLoader keys;

    VolumeSourceJobRunner(PskSettings psk, KeyLoader keys) {
        this.psk = psk;
        this.keys = keys;
    }

    @Override
    public JobReport run(VolumeSourceJobConfig job, ProgressTicker ticker) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        AtomicLong scanned = new AtomicLong();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        SyncProgress progress = new SyncProgress() {
            @Override
            public void scanned(long entries) {
                scanned.set(entries);
            }

            @Override
            public void fileSent(String path, long size) {
                files.incrementAndGet();
                bytes.addAndGet(size);
            }
        };
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (VolumeSource source = new VolumeSource();
             AutoCloseable ticking = ticker.track(job.name(), () -> String.format("%d entries scanned, %d files (%d bytes) sent",
                     scanned.get(), files.get(), bytes.get()))) {
            timer.schedule(() -> {
                timedOut.set(true);
                source.close(); // aborts the session: the destination keeps its previous content
            }, job.timeouts().sync().toMillis(), TimeUnit.MILLISECONDS);
            SourceReport r = source.sync(settings(job, transport(job)), progress);
            return report(job, r, started, timedOut.get());
        } catch (Exception e) {
            String why = timedOut.get() ? "sync-timeout of " + job.timeouts().sync() + " exceeded" : String.valueOf(e.getMessage());
            return new JobReport(job.name(), "volume-source", "sync", JobOutcome.FAILED, started,
                    Duration.ofNanos(System.nanoTime() - t0), List.of("error: " + why), Map.of(), why);
        } finally {
            timer.shutdownNow();
        }
    }

    private Consumer<ChannelPipeline> transport(VolumeSourceJobConfig job) throws Exception {
        var key = keys.load(job.key()).first();
        PskSettings settings = psk.withHandshakeTimeout(job.timeouts().handshake()).withIdleTimeout(job.timeouts().idle());
        return p -> PskPipeline.addClientHandlers(p, key, settings);
    }

    private static SourceSettings settings(VolumeSourceJobConfig job, Consumer<ChannelPipeline> transport) {
        var t = job.transfer();
        return SourceSettings.of(job.destinationJob(), job.path(), job.address(), job.port())
                .withStreams(t.streams())
                .withCompression(t.compressionLevel() == 0 ? LiteralCompression.NONE : LiteralCompression.zstd(t.compressionLevel()))
                .withChecksum(t.checksum() ? ChecksumMode.FULL : ChecksumMode.QUICK)
                .withExcludes(job.exclude())
                .withBandwidthLimit(t.bandwidthLimit())
                .withXattrs(t.xattrs() ? XattrMode.USER : XattrMode.OFF)
                .withIoTimeout(job.timeouts().idle())
                .withTransport(transport);
    }

    private static JobReport report(VolumeSourceJobConfig job, SourceReport r, Instant started, boolean timedOut) {
        Map<String, Long> c = new TreeMap<>();
        c.put("entries", r.entries());
        c.put("entries_unsupported", r.unsupported());
        c.put("files_sent", r.filesSent());
        c.put("files_skipped", r.filesSkipped());
        c.put("files_deleted", r.filesDeleted());
        c.put("bytes_literal", r.literalBytes());
        c.put("bytes_matched", r.matchedBytes());
        c.put("bytes_sent", r.bytesSent());
        c.put("bytes_wire_sent", r.wireBytesSent());
        c.put("bytes_wire_received", r.wireBytesReceived());
        String line = String.format("%s -> %s:%d: %d entries, %d files sent (%d literal bytes, %d matched), %d deleted, "
                        + "%d bytes on the wire%s", job.path(), job.address(), job.port(), r.entries(),
                r.filesSent(), r.literalBytes(), r.matchedBytes(), r.filesDeleted(), r.wireBytesSent(),
                r.ownership() == null || r.ownership().isBlank() ? "" : "; ownership: " + r.ownership());
        String error = timedOut ? "sync-timeout of " + job.timeouts().sync() + " exceeded" + (r.error() == null ? "" : ": " + r.error())
                : r.error();
        return new JobReport(job.name(), "volume-source", "sync", r.ok() && !timedOut ? JobOutcome.SUCCEEDED : JobOutcome.FAILED,
                started, r.duration(), error == null ? List.of(line) : List.of(line, "error: " + error), c, error);
    }
}

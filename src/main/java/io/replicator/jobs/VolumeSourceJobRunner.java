package io.replicator.jobs;

import io.netty.channel.ChannelPipeline;
import io.replicator.config.JobKind;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.delta.LiteralCompression;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.config.DeleteLimit;
import io.replicator.volume.ChecksumMode;
import io.replicator.volume.SessionMode;
import io.replicator.volume.VolumeDeleteLimits;
import io.replicator.volume.VolumePlan;
import io.replicator.volume.SourceReport;
import io.replicator.volume.SourceSettings;
import io.replicator.volume.SyncProgress;
import io.replicator.volume.VolumeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
public final class VolumeSourceJobRunner implements VolumeSourceRunner {
    private final PskSettings psk;
    private final KeyLoader keys;

    public VolumeSourceJobRunner(PskSettings psk, KeyLoader keys) {
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
            return JobReport.of(job.name(), JobKind.VOLUME_SOURCE, job.modeName()).outcome(JobOutcome.FAILED).started(started)
                    .duration(Duration.ofNanos(System.nanoTime() - t0)).lines(List.of("error: " + why)).error(why).build();
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
                .withChecksum(t.checksum())
                .withExcludes(job.exclude())
                .withBandwidthLimit(t.bandwidthLimit())
                .withXattrs(t.xattrs())
                .withIoTimeout(job.timeouts().idle())
                .withTransport(transport)
                .withMode(switch (job.mode()) {
                    case SYNC -> SessionMode.SYNC;
                    case DRY_RUN -> SessionMode.DRY_RUN;
                    case CHECK -> SessionMode.CHECK;
                })
                .withDeleteLimits(limits(job.deletes().maxDelete(), job.deletes().allowEmptySource()
                        ? VolumeDeleteLimits.EmptySource.ALLOW : VolumeDeleteLimits.EmptySource.REFUSE));
    }

    /** The configured max-delete in the engine's terms. */
    public static VolumeDeleteLimits limits(DeleteLimit maxDelete, VolumeDeleteLimits.EmptySource emptySource) {
        return new VolumeDeleteLimits(maxDelete.maxCount().isPresent() ? maxDelete.maxCount().getAsLong() : null,
                maxDelete.maxPercent().isPresent() ? maxDelete.maxPercent().getAsDouble() : null, emptySource);
    }

    private static JobReport report(VolumeSourceJobConfig job, SourceReport r, Instant started, boolean timedOut) {
        Map<String, Long> c = new TreeMap<>();
        c.put("entries", r.entries());
        c.put("entries_unsupported", r.unsupported());
        c.put("files_sent", r.filesSent());
        c.put("files_skipped", r.filesSkipped());
        c.put("files_changed_while_read", (long) r.changedWhileRead().size());
        c.put("files_deleted", r.filesDeleted());
        c.put("bytes_literal", r.literalBytes());
        c.put("bytes_matched", r.matchedBytes());
        c.put("bytes_sent", r.bytesSent());
        c.put("bytes_wire_sent", r.wireBytesSent());
        c.put("bytes_wire_received", r.wireBytesReceived());
        List<String> lines = new ArrayList<>();
        // the destination names the source job's settings generically: name this job's
        String reason = r.error() == null ? null : r.error().replace("replicator.volume-source.<job>.",
                "replicator.volume-source." + job.name() + ".");
        String error = timedOut ? "sync-timeout of " + job.timeouts().sync() + " exceeded" + (reason == null ? "" : ": " + reason)
                : reason;
        JobOutcome outcome = r.ok() && !timedOut ? JobOutcome.SUCCEEDED : JobOutcome.FAILED;
        if (r.plan() != null) {
            outcome = planned(job, r, r.plan(), lines, c, outcome);
        } else {
            lines.add(String.format("%s -> %s:%d: %d entries, %d files sent (%d literal bytes, %d matched), %d deleted, "
                            + "%d bytes on the wire%s", job.path(), job.address(), job.port(), r.entries(),
                    r.filesSent(), r.literalBytes(), r.matchedBytes(), r.filesDeleted(), r.wireBytesSent(),
                    r.ownership() == null || r.ownership().isBlank() ? "" : "; ownership: " + r.ownership()));
            if (!r.changedWhileRead().isEmpty() && error == null) {
                outcome = JobOutcome.FAILED;
                error = ChangedFiles.describe(r.changedWhileRead());
            }
        }
        if (error != null) {
            lines.add("error: " + error);
        }
        return JobReport.of(job.name(), JobKind.VOLUME_SOURCE, job.modeName()).outcome(outcome).started(started)
                .duration(r.duration()).lines(List.copyOf(lines)).counters(c).error(error).build();
    }

    /** A dry run's or check's lines: the itemized plan, the totals, how it compared; a check differs or not. */
    private static JobOutcome planned(VolumeSourceJobConfig job, SourceReport r, VolumePlan plan, List<String> lines,
                                      Map<String, Long> c, JobOutcome outcome) {
        lines.addAll(plan.lines());
        if (plan.linesOmitted() > 0) {
            lines.add("... " + plan.linesOmitted() + " more lines not kept");
        }
        c.put("plan_creates", plan.creates());
        c.put("plan_updates", plan.updates());
        c.put("plan_deletes", plan.deletes());
        c.put("plan_metadata", plan.metadata());
        c.put("plan_bytes", plan.dataBytes());
        lines.add(String.format("%s -> %s:%d [%s, nothing written]: %d entries; %s", job.path(), job.address(), job.port(),
                job.modeName(), r.entries(), plan.totals()));
        lines.add(job.transfer().checksum() == ChecksumMode.FULL ? "compared by whole-file SHA-256 on both sides (checksum=true)"
                : "compared by size and mtime (rsync's quick check; checksum=true compares whole-file SHA-256)");
        if (plan.refusal() != null) {
            lines.add("a sync would be refused: " + plan.refusal());
        }
        if (outcome == JobOutcome.SUCCEEDED && job.mode() == VolumeSourceJobConfig.Mode.CHECK && plan.differences() > 0) {
            return JobOutcome.DIFFERENCES;
        }
        return outcome;
    }
}

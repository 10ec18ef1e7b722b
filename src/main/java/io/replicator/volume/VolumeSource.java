package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.replicator.delta.LiteralCompression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source side: {@link #sync} scans the volume, connects, and runs one session to COMMITTED.
 * It never throws for a failed session: the {@link SourceReport} says OK only when the destination
 * acknowledged the commit, REFUSED when it refused the session, FAILED otherwise, with the reason.
 * One instance can run many syncs (one at a time per job is the caller's rule); close it at shutdown.
 */
public final class VolumeSource implements AutoCloseable {
    private static final int PROGRESS_EVERY = 5000;
    private final VolumeClient client = new VolumeClient(2);
    private final ExecutorService workers;
    private final int version;
    private volatile ReadStability.Hook readHook = ReadStability.Hook.NONE;

    /** A source speaking {@link Wire#VERSION}; it does not fall back to an older one (docs/protocol.md). */
    public VolumeSource() {
        this(Wire.VERSION);
    }

    /** A source speaking an older accepted version: tests of destinations that must accept old sources. */
    VolumeSource(int version) {
        if (!Wire.accepts(version)) {
            throw new IllegalArgumentException("protocol version " + version + " is not one of " + Wire.accepted());
        }
        this.version = version;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "volume-src-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public SourceReport sync(SourceSettings s, SyncProgress progress) {
        long start = System.nanoTime();
        WireByteCounter counter = new WireByteCounter();
        SourceStats stats = new SourceStats();
        List<FrameChannel> chans = new ArrayList<>();
        long[] entries = {0, 0};
        long[] committed = null;
        VolumePlan plan = null;
        SessionResult result = SessionResult.OK;
        String error = null;
        ScanAhead scan = new ScanAhead(workers, new SourceScanner(s.root(), new Excludes(s.excludes()), s.checksum(), s.xattrs()));
        try {
            BandwidthLimiter limiter = s.bandwidthLimit() > 0 ? new BandwidthLimiter(s.bandwidthLimit()) : null;
            FrameChannel primary = client.connect(s, counter);
            primary.limit(limiter);
            chans.add(primary);
            ByteBufAllocator alloc = primary.channel().alloc();
            int streams = s.mode().writes() ? s.streams() : 1; // a plan needs no data streams
            primary.send(new Hello(version, s.job(), s.compression(), s.checksum(), streams, s.xattrs(),
                    new Excludes(s.excludes()).patterns(), s.mode(), s.deletes()).encode(alloc));
            Frame w = primary.expect(FrameType.WELCOME, "after HELLO");
            byte[] sessionId;
            try {
                sessionId = Welcome.decode(w.payload(), version);
            } finally {
                w.release();
            }
            for (int i = 1; i < streams; i++) {
                FrameChannel c = client.connect(s, counter);
                c.limit(limiter);
                chans.add(c);
                c.send(new Join(version, s.job(), sessionId, i).encode(alloc));
                c.flush();
            }
            List<FileEntry> list = sendList(primary, scan, progress, entries);
            if (s.mode().writes()) {
                runStreams(chans, s, list, stats, progress);
                primary.send(Wire.empty(alloc, FrameType.COMMIT));
                Frame c = primary.expect(FrameType.COMMITTED, "after COMMIT");
                try {
                    committed = Committed.decode(c.payload());
                } finally {
                    c.release();
                }
            } else {
                plan = PlanFrames.receive(primary); // a dry run or check ends here: nothing was written
            }
        } catch (IOException | RuntimeException e) {
            Exception cause = e;
            PeerAbortedException peer = chans.isEmpty() ? null : e instanceof ConnectionClosedException
                    ? chans.get(0).peerAbortAfterClose(PEER_CLOSE_WAIT) : chans.get(0).peerAbort();
            if (peer != null && !(e instanceof PeerAbortedException)) {
                cause = peer;
            }
            result = cause instanceof PeerAbortedException pa && pa.refused() ? SessionResult.REFUSED : SessionResult.FAILED;
            error = Reasons.of(cause);
            if (result == SessionResult.REFUSED && error.contains("protocol version " + version + " is not supported")) {
                error += "; this source speaks protocol version " + version + " and does not fall back to an older "
                        + "one: upgrade the destination first (docs/protocol.md, Versions)";
            }
            if (!chans.isEmpty() && !(cause instanceof PeerAbortedException)
                    && !(cause instanceof ConnectionClosedException)) {
                chans.get(0).abort(error);
            }
        } finally {
            scan.close();
            for (FrameChannel c : chans) {
                c.close();
            }
        }
        return report(s, start, counter, stats, chans, entries, committed, result, error, plan);
    }

    private static SourceReport report(SourceSettings s, long start, WireByteCounter counter, SourceStats stats,
                                       List<FrameChannel> chans, long[] entries, long[] committed, SessionResult result,
                                       String error, VolumePlan plan) {
        long sent = 0;
        long received = 0;
        for (FrameChannel c : chans) {
            sent += c.bytesSent();
            received += c.bytesReceived();
        }
        return new SourceReport(s.job(), result, entries[0], entries[1], stats.filesSent.sum(),
                stats.filesSkipped.sum(), stats.literalBytes.sum(), stats.matchedBytes.sum(), sent, received,
                counter.written(), counter.read(), committed == null ? 0 : committed[1],
                committed == null ? "" : committed[5] == 1 ? Ownership.APPLIED.note() : Ownership.NOT_APPLIED.note(),
                Duration.ofNanos(System.nanoTime() - start), error, plan, List.copyOf(stats.changedWhileRead));
    }

    /** Sends the list in LIST batches as the scan goes; returns it (NEED requests refer to indexes). */
    private List<FileEntry> sendList(FrameChannel primary, ScanAhead scan, SyncProgress progress,
                                            long[] counts) throws IOException {
        ByteBufAllocator alloc = primary.channel().alloc();
        List<FileEntry> list = new ArrayList<>();
        ByteBuf body = alloc.buffer(FileListCodec.BATCH_BYTES + 8192);
        int inBatch = 0;
        try {
            for (FileEntry e = scan.next(); e != null; e = scan.next()) {
                list.add(e);
                FileListCodec.writeEntry(body, e, version);
                inBatch++;
                if (FileListCodec.full(body)) {
                    ByteBuf full = body;
                    body = alloc.buffer(FileListCodec.BATCH_BYTES + 8192);
                    primary.send(FileListCodec.frame(alloc, full, inBatch));
                    inBatch = 0;
                }
                if (list.size() % PROGRESS_EVERY == 0) {
                    progress.scanned(list.size());
                }
            }
            ByteBuf last = body;
            body = null;
            if (inBatch > 0) {
                primary.send(FileListCodec.frame(alloc, last, inBatch));
            } else {
                last.release();
            }
        } finally {
            if (body != null) {
                body.release();
            }
        }
        ByteBuf end = Wire.start(alloc, FrameType.LIST_END, 4);
        end.writeInt(list.size());
        primary.send(Wire.finish(end));
        primary.flush();
        progress.scanned(list.size());
        counts[0] = list.size();
        counts[1] = scan.unsupported();
        return list;
    }

    private void runStreams(List<FrameChannel> chans, SourceSettings s, List<FileEntry> list, SourceStats stats,
                            SyncProgress progress) throws IOException {
        Path root = s.root();
        LiteralCompression z = s.compression();
        io.replicator.delta.ZeroRuns zeroRuns = version >= 2 ? io.replicator.delta.ZeroRuns.AS_RECORDS
                : io.replicator.delta.ZeroRuns.AS_LITERALS;
        List<StreamRunner.Work> works = new ArrayList<>();
        for (int i = 0; i < chans.size(); i++) {
            FrameChannel c = chans.get(i);
            boolean joined = i > 0;
            works.add(() -> {
                if (joined) {
                    c.expect(FrameType.JOINED, "after JOIN").release();
                }
                new SourceStream(c, root, list, z, zeroRuns, stats, progress, readHook).run();
            });
        }
        StreamRunner.runAll(workers, works, first -> {
            // A local error: tell the destination (ABORT) and stop. A closed connection or the
            // destination's ABORT: the primary connection brings (or has brought) its reason.
            if (!(first instanceof ConnectionClosedException) && !(first instanceof PeerAbortedException)) {
                chans.get(0).abort(Reasons.of(first));
            }
            if (first instanceof PeerAbortedException) {
                chans.get(0).channel().close();
            }
            chans.subList(1, chans.size()).forEach(x -> x.channel().close());
        });
    }

    /** Tests: runs after each file's data was read, before the source checks it did not change. */
    void onFileRead(ReadStability.Hook hook) {
        this.readHook = hook;
    }

    /** How long a closed stream waits for the primary connection to bring the destination's reason. */
    private static final Duration PEER_CLOSE_WAIT = Duration.ofSeconds(5);

    @Override
    public void close() {
        workers.shutdownNow();
        client.close();
    }
}

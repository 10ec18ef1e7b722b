package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.replicator.delta.DeltaPatcher;
import io.replicator.delta.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One destination session, run on a worker thread: file list (validated whole before any change
 * on disk), wait for the extra streams, prepare the tree, transfer on all streams in parallel, then
 * COMMIT -> {@link Committer} -> COMMITTED. Anything wrong before the first change on disk is a
 * refusal (REFUSED, nothing changed); after it, a failure (ABORT; files already renamed are complete,
 * nothing is deleted). Either way exactly one {@link SessionReport} is fired.
 */
final class DestinationSession {
    static final long INBOX_HIGH_WATER = 8L << 20;
    private static final SecureRandom IDS = new SecureRandom();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DestinationSession.class);

    private final DestinationContext context;
    private final DestinationJob job;
    private final Path root;
    private final Hello hello;
    private final String identity;
    private final DestinationHandler handler;
    private final byte[] id = new byte[Wire.SESSION_ID_LENGTH];
    private final FrameChannel[] streams;
    private final CountDownLatch joined;
    private final SessionStats stats = new SessionStats();
    private final MetadataWriter meta;
    private final Excludes protect;
    private final List<TreePreparer.Deferred> deferred = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Path> written = new ConcurrentLinkedQueue<>();
    private final StagedDirectories staged;
    private final long start = System.nanoTime();
    private volatile boolean touchedDisk;
    private volatile boolean aborted;
    private volatile String firstError; // the first stream failure, for a report fired on connection loss
    private String lockHolder;
    private List<FileEntry> entries = List.of();

    DestinationSession(DestinationContext context, DestinationJob job, Path root, Hello hello, String identity,
                       FrameChannel primary, DestinationHandler handler) {
        this.context = context;
        this.job = job;
        this.root = root;
        this.staged = new StagedDirectories(root);
        this.hello = hello;
        this.identity = identity;
        this.handler = handler;
        IDS.nextBytes(id);
        this.streams = new FrameChannel[hello.streams()];
        this.streams[0] = primary;
        this.joined = new CountDownLatch(hello.streams() - 1);
        this.meta = new MetadataWriter(context.ownership(), hello.xattrs());
        List<String> all = new ArrayList<>(job.excludes());
        all.addAll(hello.excludes());
        this.protect = new Excludes(all);
    }

    void start() {
        context.workers().execute(this::run);
    }

    private void run() {
        String error = null;
        SessionResult result = SessionResult.OK;
        try {
            FileListValidator list = receiveList();
            phase("file list");
            if (!hello.mode().writes()) {
                plan(list); // the only path of a dry run or check: it has no write in it
                return;
            }
            awaitStreams();
            guardDeletes(list);
            touchedDisk = true;
            List<Transfer> transfers = new TreePreparer(root, entries, meta, hello.checksum(), deferred, staged).prepare();
            phase("prepare");
            transfer(transfers);
            phase("transfer");
            streams[0].expect(FrameType.COMMIT, "after all streams ended").release();
            new Committer(this, list.byPath(), protect).commit(deferred, written);
            phase("commit");
            // Unlock and report before COMMITTED goes out: once the source has it, it may start its
            // next session at once (which must not find the volume busy) or close (and a closed
            // channel's pipeline, Camel's handler included, is gone).
            VolumeLocks.unlock(root, lockHolder);
            fireOnce(report(SessionResult.OK, null));
            streams[0].send(committed());
            streams[0].flush();
        } catch (IOException | RuntimeException e) {
            error = firstError != null && e instanceof ConnectionClosedException ? firstError : Reasons.of(e);
            result = touchedDisk ? SessionResult.FAILED : SessionResult.REFUSED;
            // Report before telling the source: it closes on REFUSED/ABORT, and then the pipeline is gone.
            firstError = error;
            fireOnce(report(result, error));
            FrameChannel primary = streams[0];
            if (result == SessionResult.REFUSED) {
                primary.refuse(error);
            } else if (!(e instanceof PeerAbortedException) && !aborted) {
                primary.abort(error);
            }
        } finally {
            VolumeLocks.unlock(root, lockHolder);
            context.ended(this);
            for (int i = 1; i < streams.length; i++) {
                FrameChannel c = streamOrNull(i);
                if (c != null) {
                    c.close();
                }
            }
            fireOnce(report(result, error));
            handler.close();
        }
    }

    /**
     * A dry run or check: the plan goes to the source, then the session waits for the source to
     * close (so the plan is delivered whole). Whatever else the source sends is refused: this path
     * has no write in it.
     */
    private void plan(FileListValidator list) throws IOException {
        PlanFrames out = new PlanFrames(streams[0]);
        PlanBuilder builder = new PlanBuilder(root, entries, meta, hello.checksum());
        DeleteScan scan = builder.build(out::line, list.byPath(), protect);
        VolumePlan plan = builder.totals(scan, VolumeDeleteGuard.refusal(hello.deletes(), job, entries.size(), scan));
        phase("plan");
        VolumeLocks.unlock(root, lockHolder);
        fireOnce(report(SessionResult.OK, null));
        out.end(plan);
        try {
            Frame f = streams[0].take("the end of a " + hello.mode().label() + " session");
            f.release();
            throw new ProtocolException("unexpected " + f.type() + " after PLAN_END of a " + hello.mode().label()
                    + " session (it writes nothing)");
        } catch (ConnectionClosedException done) {
            // the source has the plan
        }
    }

    /** The delete guard, before the first change on disk: a refusal leaves the volume untouched. */
    private void guardDeletes(FileListValidator list) throws IOException {
        if (!VolumeDeleteGuard.needsScan(hello.deletes(), job.deleteLimits(), entries.size())) {
            return;
        }
        DeleteScan scan = DeleteScan.run(root, entries, list.byPath(), protect, (path, dir) -> { });
        String refusal = VolumeDeleteGuard.refusal(hello.deletes(), job, entries.size(), scan);
        if (refusal != null) {
            throw new ProtocolException(refusal);
        }
    }

    private void phase(String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("session {} of job {}: {} done after {} ms", idHex(), job.name(), what,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The handler fires only the first report of a connection (see {@link DestinationHandler#fire}). */
    private void fireOnce(SessionReport r) {
        handler.fire(r);
    }

    /**
     * The report for a primary connection that closed before the session reported (called on the
     * event loop, while the pipeline still has its handlers); the worker threads notice the closed
     * channel and stop on their own.
     */
    SessionReport connectionLost() {
        String why = firstError;
        return report(touchedDisk ? SessionResult.FAILED : SessionResult.REFUSED,
                why != null ? why : "connection closed by the source before the session ended");
    }

    private FileListValidator receiveList() throws IOException {
        FileListValidator v = new FileListValidator(job.limits(), protect, hello.checksum(), hello.xattrs(),
                hello.version());
        v.receive(streams[0]);
        entries = v.entries();
        stats.entries.add(entries.size());
        return v;
    }

    private void awaitStreams() throws IOException {
        try {
            if (!joined.await(context.ioTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProtocolException("only " + (streams.length - joined.getCount()) + " of " + streams.length
                        + " streams joined within " + context.ioTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for streams", e);
        }
    }

    /** Spreads files over the streams (see {@link StreamShares}) and runs them in parallel. */
    private void transfer(List<Transfer> transfers) throws IOException {
        List<List<Transfer>> shares = StreamShares.split(transfers, streams.length);
        DeltaPatcher patcher = new DeltaPatcher(Durability.NONE); // fsync through disk(), in order (DestinationStream)
        List<StreamRunner.Work> works = new ArrayList<>();
        for (int i = 0; i < streams.length; i++) {
            works.add(new DestinationStream(this, streamOrNull(i), shares.get(i), patcher)::run);
        }
        StreamRunner.runAll(context.workers(), works, this::abortStreams);
    }

    /**
     * First failure of a stream: tell the source why (ABORT on the primary connection, unless the
     * source itself aborted) and close the other streams, so every stream stops promptly.
     */
    private void abortStreams(Exception first) {
        firstError = Reasons.of(first);
        if (!(first instanceof PeerAbortedException)) {
            aborted = true;
            streams[0].abort(Reasons.of(first));
        }
        for (int i = 1; i < streams.length; i++) {
            FrameChannel c = streamOrNull(i);
            if (c != null) {
                c.lingerClose(); // no reset: the source must read the ABORT on the primary connection
            }
        }
    }

    private ByteBuf committed() {
        ByteBuf b = Wire.start(streams[0].channel().alloc(), FrameType.COMMITTED, 48);
        b.writeLong(stats.filesWritten.sum());
        b.writeLong(stats.filesDeleted.sum());
        b.writeLong(stats.filesSkipped.sum());
        b.writeLong(stats.literalBytes.sum());
        b.writeLong(stats.matchedBytes.sum());
        b.writeByte(context.ownership() == Ownership.APPLIED ? 1 : 0);
        return Wire.finish(b);
    }

    private SessionReport report(SessionResult result, String error) {
        long received = 0;
        for (int i = 0; i < streams.length; i++) {
            FrameChannel c = streamOrNull(i);
            received += c == null ? 0 : c.bytesReceived();
        }
        return new SessionReport(job.name(), idHex(), String.valueOf(streams[0].channel().remoteAddress()), identity,
                result, stats.entries.sum(), stats.filesWritten.sum(), stats.filesSkipped.sum(), stats.resends.sum(),
                received, stats.literalBytes.sum(), stats.matchedBytes.sum(), stats.filesDeleted.sum(),
                context.ownership().note(), Duration.ofNanos(System.nanoTime() - start), error, hello.mode());
    }

    /** Registers an extra stream; null when accepted, otherwise why not. */
    synchronized String join(int stream, FrameChannel channel) {
        if (stream >= streams.length) {
            return "JOIN stream " + stream + " but the session asked for " + streams.length + " streams";
        }
        if (streams[stream] != null) {
            return "stream " + stream + " of session " + idHex() + " has already joined";
        }
        streams[stream] = channel;
        joined.countDown();
        return null;
    }

    private synchronized FrameChannel streamOrNull(int i) {
        return streams[i];
    }

    void defer(TreePreparer.Deferred d) {
        deferred.add(d);
    }

    /**
     * A file of the session got its data, now at {@code dataAt} (a temporary, or its place in a
     * staged directory): fsynced before the commit's renames where syncfs is unavailable.
     */
    void wrote(Path dataAt) {
        written.add(dataAt);
    }

    /**
     * Whether verified files wait for the commit to be renamed into place: with
     * {@link CommitSync#SYNCFS} their data is durable only after the commit's first syncfs, and no
     * real name may point at data that is not (docs/protocol.md, Durability).
     */
    boolean placesAtCommit() {
        return job.commitSync() == CommitSync.SYNCFS;
    }

    DiskSync disk() {
        return context.disk();
    }

    /** Whether the entry lies in a directory this session created (under a temporary name until commit). */
    boolean isStaged(FileEntry e) {
        return staged.contains(e.path());
    }

    StagedDirectories staged() {
        return staged;
    }

    FileEntry entry(int index) {
        return entries.get(index);
    }

    List<FileEntry> entries() {
        return entries;
    }

    /** Where the entry is now (inside its staged directory until the commit publishes it). */
    Path resolve(FileEntry e) {
        return staged.resolve(e);
    }

    Path root() {
        return root;
    }

    /** The session's protocol version (the source's). */
    int version() {
        return hello.version();
    }

    DestinationJob job() {
        return job;
    }

    String identity() {
        return identity;
    }

    MetadataWriter meta() {
        return meta;
    }

    SessionStats stats() {
        return stats;
    }

    byte[] id() {
        return id.clone();
    }

    String idHex() {
        return HexFormat.of().formatHex(id);
    }

    void setLockHolder(String holder) {
        this.lockHolder = holder;
    }
}

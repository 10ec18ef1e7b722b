package io.replicator.volume;

import io.replicator.delta.DeltaPatcher;
import io.replicator.delta.DeltaReader;
import io.replicator.delta.DeltaVerificationException;
import io.replicator.delta.PatchResult;
import io.replicator.delta.PatchSession;
import io.replicator.delta.SignatureBuilder;
import io.replicator.delta.SignatureCodec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One stream's share of the transfer on the destination, run on its own thread. Pipelined: it keeps
 * up to {@link #MAX_PENDING} files requested ahead (NEED, with the basis' signature for a delta) so
 * the source always has work, while it patches the data of the oldest request. The signature bytes
 * in flight are bounded ({@link #WINDOW_BYTES}, except for a single request), which is what keeps the
 * source's inbox small without any flow control on its side, so neither side can block the other.
 * Each file: patch into a temporary, verify SHA-256, set metadata on the temporary, rename. A failed
 * verification asks for the whole file once more; a second failure fails the session.
 */
final class DestinationStream {
    static final int MAX_PENDING = 64;
    static final long WINDOW_BYTES = 8L << 20;

    private final DestinationSession session;
    private final FrameChannel ch;
    private final List<Transfer> files;
    private final DeltaPatcher patcher;
    private final SmallFile small = new SmallFile();

    private record Pending(Transfer t, FileChannel basis, long sigBytes, boolean resend) {
    }

    DestinationStream(DestinationSession session, FrameChannel ch, List<Transfer> files, DeltaPatcher patcher) {
        this.session = session;
        this.ch = ch;
        this.files = files;
        this.patcher = patcher;
    }

    void run() throws IOException {
        try (small) {
            transfer();
        }
    }

    private void transfer() throws IOException {
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        int next = 0;
        long outstanding = 0;
        try {
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < MAX_PENDING
                        && (pending.isEmpty() || outstanding < WINDOW_BYTES)) {
                    Pending p = request(files.get(next++), false);
                    pending.add(p);
                    outstanding += p.sigBytes();
                }
                Pending head = pending.poll();
                outstanding -= head.sigBytes();
                if (!receive(head)) {
                    pending.add(request(head.t(), true));
                }
            }
            ch.send(Wire.empty(ch.channel().alloc(), FrameType.STREAM_END));
            ch.flush();
        } finally {
            for (Pending p : pending) {
                closeQuietly(p.basis());
            }
        }
    }

    private Pending request(Transfer t, boolean resend) throws IOException {
        FileEntry e = session.entry(t.index());
        FileChannel basis = null;
        if (t.basis() && !resend) {
            try {
                basis = FileChannel.open(session.resolve(e), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                basis = null; // replaced or removed since the quick check: ask for the whole file
            }
        }
        if (basis == null) {
            ch.send(new Need(t.index(), resend ? Need.Kind.RESEND : Need.Kind.WHOLE).encode(ch.channel().alloc()));
            return new Pending(t, null, 0, resend);
        }
        try {
            ch.send(new Need(t.index(), Need.Kind.DELTA).encode(ch.channel().alloc()));
            ChunkOutputStream out = new ChunkOutputStream(ch, FrameType.SIG_DATA);
            long n = SignatureCodec.write(SignatureBuilder.build(basis), out);
            return new Pending(t, basis, n, false);
        } catch (IOException | RuntimeException ex) {
            closeQuietly(basis);
            throw ex;
        }
    }

    /** True when the file is done (written or skipped), false when it must be resent whole. */
    private boolean receive(Pending p) throws IOException {
        FileEntry e = session.entry(p.t().index());
        Frame f = ch.take("DATA_BEGIN of " + e.path());
        try {
            if (f.type() == FrameType.FILE_SKIPPED) {
                SkippedException s = SkippedException.decode(f.payload());
                checkIndex(s.index(), p, FrameType.FILE_SKIPPED);
                session.stats().filesSkipped.increment();
                return true;
            }
            if (f.type() == FrameType.WHOLE_FILE && p.basis() == null) {
                return receiveSmall(p, e, f);
            }
            if (f.type() != FrameType.DATA_BEGIN) {
                throw new ProtocolException("expected DATA_BEGIN of " + e.path() + " but got " + f.type());
            }
            checkIndex(Need.decodeIndex(f.payload(), FrameType.DATA_BEGIN), p, FrameType.DATA_BEGIN);
        } finally {
            f.release();
        }
        Path target = session.resolve(e);
        ChunkInputStream in = new ChunkInputStream(ch, FrameType.DATA, e.path());
        try (PatchSession patch = patcher.open(p.basis(), target)) {
            CountingSink sink = new CountingSink(patch);
            DeltaReader.read(in, sink);
            in.finish();
            PatchResult r = patch.result();
            session.meta().applyToNew(r.tempFile(), e);
            place(r.tempFile(), target, e, p.t());
            session.stats().filesWritten.increment();
            session.stats().literalBytes.add(sink.literal);
            session.stats().matchedBytes.add(sink.matched);
            return true;
        } catch (SkippedException s) {
            session.stats().filesSkipped.increment();
            return true;
        } catch (DeltaVerificationException v) {
            if (p.resend()) {
                throw new IOException(e.path() + " failed verification even when sent whole: " + v.getMessage(), v);
            }
            in.drain();
            session.stats().resends.increment();
            return false;
        } finally {
            in.release();
            closeQuietly(p.basis());
        }
    }

    private boolean receiveSmall(Pending p, FileEntry e, Frame f) throws IOException {
        Path target = session.resolve(e);
        if (!small.decode(f.payload(), p.t().index())) {
            if (p.resend()) {
                throw new IOException(e.path() + " failed SHA-256 verification even when sent whole");
            }
            session.stats().resends.increment();
            return false;
        }
        boolean inPlace = session.isStaged(e); // nobody sees it before the commit: no temporary name
        Path temp = inPlace ? small.writeNew(target, e.mode()) : small.writeTemporary(target, e.mode());
        try {
            session.meta().applyToCreatedWithMode(temp, e);
            place(temp, target, e, p.t());
        } catch (IOException | RuntimeException x) {
            java.nio.file.Files.deleteIfExists(temp);
            throw x;
        }
        session.stats().filesWritten.increment();
        session.stats().literalBytes.add(small.lastLength());
        return true;
    }

    /**
     * A verified file, its metadata set, now at {@code dataAt}. With {@link CommitSync#FSYNC} its
     * data is forced to disk first and it is renamed into place now. With SYNCFS a file in an
     * existing directory waits for the commit, whose first syncfs makes its data durable before
     * any rename; inside a staged directory it takes its name now (nothing sees it before the
     * commit publishes the directory, after that syncfs), or already has it (written in place).
     */
    private void place(Path dataAt, Path target, FileEntry e, Transfer t) throws IOException {
        if (!session.placesAtCommit()) {
            session.disk().fsync(dataAt);
        }
        if (t.deferred() || (session.placesAtCommit() && !session.isStaged(e))) {
            session.defer(new TreePreparer.Deferred(dataAt, target));
            session.wrote(dataAt);
            return;
        }
        if (!dataAt.equals(target)) {
            session.disk().rename(dataAt, target);
        }
        session.wrote(target);
    }

    private static void checkIndex(int got, Pending p, FrameType type) throws ProtocolException {
        if (got != p.t().index()) {
            throw new ProtocolException(type + " for entry " + got + " but entry " + p.t().index()
                    + " was requested first on this stream");
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // read-only basis: nothing to lose
            }
        }
    }
}

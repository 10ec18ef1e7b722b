package io.replicator.volume;

import io.netty.buffer.ByteBuf;
import io.replicator.delta.DeltaEncoder;
import io.replicator.delta.DeltaStats;
import io.replicator.delta.DeltaWriter;
import io.replicator.delta.LiteralCompression;
import io.replicator.delta.ZeroRuns;
import io.replicator.delta.Signature;
import io.replicator.delta.SignatureCodec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One stream on the source, on its own thread: answers the destination's NEED requests in order
 * until STREAM_END. A DELTA request brings the basis signature (SIG_DATA chunks), answered with
 * DeltaEncoder's ops; WHOLE and RESEND are answered with the whole file. Files are read through
 * bounded buffers and sent with back-pressure, so memory does not depend on file sizes.
 */
final class SourceStream {
    private final FrameChannel ch;
    private final Path root;
    private final List<FileEntry> entries;
    private final LiteralCompression compression;
    private final SourceStats stats;
    private final SyncProgress progress;
    private final WholeFileEncoder whole = new WholeFileEncoder();
    private final SmallFile small = new SmallFile();
    private final ReadStability.Hook hook;

    private final ZeroRuns zeroRuns;

    /** {@code zeroRuns}: {@link ZeroRuns#AS_RECORDS} from protocol version 2 on. */
    SourceStream(FrameChannel ch, Path root, List<FileEntry> entries, LiteralCompression compression,
                 ZeroRuns zeroRuns, SourceStats stats, SyncProgress progress, ReadStability.Hook hook) {
        this.hook = hook;
        this.ch = ch;
        this.zeroRuns = zeroRuns;
        this.root = root;
        this.entries = entries;
        this.compression = compression;
        this.stats = stats;
        this.progress = progress;
    }

    void run() throws IOException {
        try (small) {
            serve();
        }
    }

    private void serve() throws IOException {
        while (true) {
            Frame f = ch.take("NEED or STREAM_END");
            Need need;
            try {
                if (f.type() == FrameType.STREAM_END) {
                    return;
                }
                if (f.type() != FrameType.NEED) {
                    throw new ProtocolException("expected NEED or STREAM_END but got " + f.type());
                }
                need = Need.decode(f.payload(), entries.size());
            } finally {
                f.release();
            }
            FileEntry e = entries.get(need.index());
            if (e.type() != EntryType.FILE) {
                throw new ProtocolException("NEED for entry " + need.index() + " (" + e + "), which is not a regular file");
            }
            Signature sig = null;
            if (need.kind() == Need.Kind.DELTA) {
                ChunkInputStream in = new ChunkInputStream(ch, FrameType.SIG_DATA, e.path());
                try {
                    sig = SignatureCodec.read(in);
                    in.finish();
                } finally {
                    in.release();
                }
            }
            send(need.index(), e, sig);
        }
    }

    /**
     * Sends one file. It must not change while it is read ({@link ReadStability}): a small file is
     * read again (up to {@link ReadStability#SMALL_FILE_READS} times); a larger one, whose data is
     * already on its way, is withdrawn before its last chunk (FILE_SKIPPED) and reported as changed.
     */
    private void send(int index, FileEntry e, Signature sig) throws IOException {
        Path path = RawNames.resolve(root, e.path());
        for (int read = 1; ; read++) {
            ReadStability stable;
            FileChannel file;
            try {
                stable = ReadStability.before(path);
                file = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException gone) {
                if (!(gone instanceof NoSuchFileException) && !isLoop(gone)) {
                    throw new IOException("cannot open source file " + e.path() + ": " + Reasons.of(gone), gone);
                }
                skip(index, e.path() + " vanished (or became a symlink) before it was sent");
                return;
            }
            try (file) {
                long length = file.size();
                if (sig == null && length <= SmallFile.MAX) {
                    ByteBuf frame;
                    try {
                        frame = small.encode(index, file, e.path(), (int) length, compression);
                        hook.afterRead(e.path());
                        stable.checkAfter(path, e.path());
                    } catch (SourceChangedException changed) {
                        if (read < ReadStability.SMALL_FILE_READS) {
                            continue;
                        }
                        changed(index, e, changed);
                        return;
                    }
                    ch.sendCopy(frame);
                    stats.literalBytes.add(length);
                    stats.filesSent.increment();
                    progress.fileSent(e.path(), length);
                    return;
                }
                sendStreamed(index, e, sig, file, length, path, stable);
                return;
            }
        }
    }

    private void sendStreamed(int index, FileEntry e, Signature sig, FileChannel file, long length, Path path,
                              ReadStability stable) throws IOException {
        ch.send(Need.indexFrame(ch.channel().alloc(), FrameType.DATA_BEGIN, index));
        ChunkOutputStream out = new ChunkOutputStream(ch, FrameType.DATA);
        out.beforeLast(() -> {
            hook.afterRead(e.path());
            stable.checkAfter(path, e.path());
        });
        try (DeltaWriter writer = new DeltaWriter(out, compression, zeroRuns)) {
            SourceFileInput in = new SourceFileInput(file, e.path(), length);
            if (sig == null) {
                stats.literalBytes.add(whole.encode(in, length, writer));
            } else {
                DeltaStats d = new DeltaEncoder(sig).encode(in, length, writer);
                stats.literalBytes.add(d.literalBytes());
                stats.matchedBytes.add(d.matchedBytes());
            }
        } catch (SourceChangedException changed) {
            out.discard();
            changed(index, e, changed);
            return;
        }
        stats.filesSent.increment();
        progress.fileSent(e.path(), length);
    }

    /** Not sent: the destination keeps its version, and the sync does not count as a success. */
    private void changed(int index, FileEntry e, SourceChangedException why) throws IOException {
        skip(index, why.getMessage());
        stats.changedWhileRead.add(e.path());
    }

    private void skip(int index, String reason) throws IOException {
        ch.send(SkippedException.encode(ch.channel().alloc(), index, reason));
        stats.filesSkipped.increment();
    }

    private static boolean isLoop(FileSystemException e) {
        String r = e.getReason();
        return r != null && (r.contains("symbolic links") || r.contains("ELOOP"));
    }
}

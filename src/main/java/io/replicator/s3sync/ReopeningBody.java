package io.replicator.s3sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body streamed from a source without buffering it: the SDK asks for a new stream on each
 * attempt, and every attempt after the first re-opens the source range. This is what lets the SDK
 * retry a streamed PUT/UploadPart after a 503 or a reset. The bytes of each attempt are hashed as
 * the HTTP client reads them ({@link #md5Hex()}): uploads go out without payload signatures, and the
 * copier compares this MD5 with the ETag the server answers.
 */
final class ReopeningBody implements ContentStreamProvider, AutoCloseable {

    /** Opens the source bytes again. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private static final int READ_BUFFER = 128 * 1024;

    private final Opener opener;
    private InputStream pending;
    private InputStream current;
    private MessageDigest md5;

    ReopeningBody(InputStream first, Opener opener) {
        this.pending = first;
        this.opener = opener;
    }

    @Override
    public synchronized InputStream newStream() {
        abort(current); // a previous attempt failed part-way: do not drain the rest of it
        if (pending != null) {
            current = pending;
            pending = null;
        } else {
            try {
                current = opener.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // The HTTP client copies the body in 4 KiB reads; without a larger buffer in between, each
        // of them is a socket read of 4 KiB from the source (perf: a third of our CPU in (c) of
        // bench/s3sync.sh was those syscalls).
        md5 = Md5.newDigest();
        return new DigestInputStream(new BufferedInputStream(current, READ_BUFFER), md5);
    }

    /** MD5 of the bytes the last attempt read, in hex; null before the first attempt. */
    synchronized String md5Hex() {
        return md5 == null ? null : HexFormat.of().formatHex(md5.digest());
    }

    /** After a successful request: the streams were read to their end, so connections go back to the pool. */
    @Override
    public synchronized void close() {
        closeQuietly(current);
        abort(pending);
        pending = null;
        current = null;
    }

    /** After a failure: abort instead of close, so an unread S3 response is not drained. */
    synchronized void abort() {
        abort(pending);
        abort(current);
        pending = null;
        current = null;
    }

    static void abort(InputStream in) {
        if (in instanceof ResponseInputStream<?> r) {
            r.abort();
        }
        closeQuietly(in);
    }

    static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do with a stream we are discarding
        }
    }
}

package io.replicator.volume;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The source scan, started on its own thread when a sync starts, so the walk overlaps the
 * connection's TLS handshake and HELLO/WELCOME instead of following them (a cold mover spends
 * ~0.2 s in each). The session's thread takes the entries in scan order as they come and sends
 * them in LIST batches as before. The queue costs no memory beyond the list the session keeps anyway.
 */
final class ScanAhead implements AutoCloseable {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final SourceScanner scanner;
    private volatile boolean closed;

    private record Failure(Throwable cause) {
    }

    ScanAhead(ExecutorService pool, SourceScanner scanner) {
        this.scanner = scanner;
        pool.execute(this::scan);
    }

    private void scan() {
        try {
            scanner.scan(e -> {
                if (closed) {
                    throw new CancellationException("the sync ended before the scan did");
                }
                queue.add(e);
            });
            queue.add(END);
        } catch (Throwable t) { // whatever stops the scan must reach the session, or it would wait forever
            queue.add(new Failure(t));
        }
    }

    /** The next entry in scan order, or null when the scan is complete; throws what stopped the scan. */
    FileEntry next() throws IOException {
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning the source volume");
        }
        if (o == END) {
            queue.add(END);
            return null;
        }
        if (o instanceof Failure f) {
            queue.add(f);
            if (f.cause() instanceof IOException io) {
                throw io;
            }
            if (f.cause() instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) f.cause();
        }
        return (FileEntry) o;
    }

    /** Sockets, FIFOs and devices skipped: complete once {@link #next} has returned null. */
    long unsupported() {
        return scanner.unsupported();
    }

    /** Stops a scan still running (the session failed first). */
    @Override
    public void close() {
        closed = true;
    }
}

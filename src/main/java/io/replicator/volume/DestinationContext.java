package io.replicator.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the destination handlers share: the configured jobs, the running sessions (so extra
 * streams can JOIN), the worker threads that run sessions, and timeouts. One per listener (or per
 * application); close it on shutdown.
 */
public final class DestinationContext implements AutoCloseable {
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, DestinationJob> jobs = new LinkedHashMap<>();
    private final Map<String, DestinationSession> sessions = new ConcurrentHashMap<>();
    private final Duration ioTimeout;
    private final Ownership ownership = Ownership.detect();
    private final ExecutorService workers;
    private final DiskSync disk;

    /**
     * @param ioTimeout how long a session waits for the peer's next frame (or for room to send)
     *                  before it fails; also the time a new connection has to send HELLO or JOIN
     */
    public DestinationContext(Collection<DestinationJob> jobs, Duration ioTimeout) {
        this(jobs, ioTimeout, DiskSync.REAL);
    }

    /** With another {@link DiskSync}: tests that record the order of renames and syncs. */
    DestinationContext(Collection<DestinationJob> jobs, Duration ioTimeout, DiskSync disk) {
        this.disk = disk;
        for (DestinationJob j : jobs) {
            if (this.jobs.putIfAbsent(j.name(), j) != null) {
                throw new IllegalArgumentException("two volume-destination jobs are named \"" + j.name() + "\"");
            }
        }
        this.ioTimeout = ioTimeout;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "volume-dst-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public DestinationContext(Collection<DestinationJob> jobs) {
        this(jobs, DEFAULT_IO_TIMEOUT);
    }

    public Duration ioTimeout() {
        return ioTimeout;
    }

    DestinationJob job(String name) {
        return jobs.get(name);
    }

    DiskSync disk() {
        return disk;
    }

    Ownership ownership() {
        return ownership;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Null when the connection's identity may run this job, otherwise why not. */
    String identityProblem(DestinationJob job, String identity) {
        if (job.identities().isEmpty()) {
            return null;
        }
        if (identity == null) {
            return "job \"" + job.name() + "\" requires a TLS-PSK connection with identity " + job.identities()
                    + "; this connection has no PSK identity";
        }
        if (!job.identities().contains(identity)) {
            return "PSK identity \"" + identity + "\" is not allowed for job \"" + job.name() + "\"";
        }
        return null;
    }

    /** Locks the volume and registers a new session; refuses when the volume is busy or unusable. */
    DestinationSession open(DestinationJob job, Hello hello, String identity, FrameChannel primary,
                            DestinationHandler handler) throws ProtocolException {
        Path realRoot;
        try {
            realRoot = job.root().toRealPath();
        } catch (IOException e) {
            throw new ProtocolException("volume directory " + job.root() + " of job \"" + job.name()
                    + "\" is not accessible: " + Reasons.of(e));
        }
        DestinationSession s = new DestinationSession(this, job, realRoot, hello, identity, primary, handler);
        String holder = "session " + s.idHex() + " from " + primary.channel().remoteAddress() + " since "
                + java.time.Instant.now();
        String busy = VolumeLocks.tryLock(realRoot, holder);
        if (busy != null) {
            throw new ProtocolException("volume " + realRoot + " is busy: another session is already syncing it ("
                    + busy + "); try again when it has finished");
        }
        s.setLockHolder(holder);
        sessions.put(s.idHex(), s);
        return s;
    }

    DestinationSession session(byte[] id) {
        return sessions.get(HexFormat.of().formatHex(id));
    }

    void ended(DestinationSession s) {
        sessions.remove(s.idHex(), s);
        synchronized (sessions) {
            sessions.notifyAll();
        }
    }

    /**
     * Waits until no session is running (their worker threads have stopped and the volumes are
     * unlocked). A session's report can come before that: when its connection drops, the report is
     * fired at once, while the pipeline still exists, and the workers stop right after.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sessions) {
            while (!sessions.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sessions.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

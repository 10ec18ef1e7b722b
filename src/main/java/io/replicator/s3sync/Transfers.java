package io.replicator.s3sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs object transfers {@code parallelism} at a time. Submitting blocks while that many are in
 * flight, so the listing never runs ahead of the transfers: memory stays bounded by the page size
 * plus the objects in flight. Multipart objects get their parts run on a second pool of the same
 * size (an object thread waits for its parts; a part never waits for anything).
 */
final class Transfers implements AutoCloseable {
    private final int parallelism;
    private final Semaphore inFlight;
    private final ExecutorService objects;
    private final ExecutorService parts;

    Transfers(int parallelism, String jobName) {
        this.parallelism = parallelism;
        this.inFlight = new Semaphore(parallelism);
        this.objects = Executors.newFixedThreadPool(parallelism, named("s3sync-" + jobName + "-object-"));
        this.parts = Executors.newFixedThreadPool(parallelism, named("s3sync-" + jobName + "-part-"));
    }

    ExecutorService partPool() {
        return parts;
    }

    /** Runs the task on a transfer thread; the task must handle its own failures. */
    void submit(Runnable task) throws InterruptedException {
        inFlight.acquire();
        try {
            objects.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Waits until every submitted task has finished. */
    void awaitAll() throws InterruptedException {
        inFlight.acquire(parallelism);
        inFlight.release(parallelism);
    }

    @Override
    public void close() {
        objects.shutdownNow();
        parts.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

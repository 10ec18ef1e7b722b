package io.replicator.volume;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the streams of a session in parallel: the first on the calling thread, the others on the
 * executor. The first failure is handed to {@code onFirstFailure} (which ends the session so the
 * other streams stop); once all have ended, the most telling error is thrown: the peer's own reason
 * (ABORT/REFUSED) if one came, else the first error that was not just a closed connection.
 */
final class StreamRunner {
    interface Work {
        void run() throws IOException;
    }

    private StreamRunner() {
    }

    static void runAll(ExecutorService executor, List<Work> works, Consumer<Exception> onFirstFailure) throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        List<Exception> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> others = new ArrayList<>();
        for (Work w : works.subList(1, works.size())) {
            others.add(executor.submit(() -> guarded(w, failed, errors, onFirstFailure)));
        }
        guarded(works.get(0), failed, errors, onFirstFailure);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                errors.add(e.getCause() instanceof Exception x ? x : new IOException(Reasons.of(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while streams were running", e);
            }
        }
        if (!errors.isEmpty()) {
            Exception best = mostTelling(errors);
            throw best instanceof IOException io ? io : new IOException(Reasons.of(best), best);
        }
    }

    static Exception mostTelling(List<Exception> errors) {
        synchronized (errors) {
            for (Exception e : errors) {
                if (e instanceof PeerAbortedException) {
                    return e;
                }
            }
            for (Exception e : errors) {
                if (!(e instanceof ConnectionClosedException)) {
                    return e;
                }
            }
            return errors.get(0);
        }
    }

    private static Void guarded(Work w, AtomicBoolean failed, List<Exception> errors, Consumer<Exception> onFirstFailure) {
        try {
            w.run();
        } catch (IOException | RuntimeException e) {
            errors.add(e);
            if (failed.compareAndSet(false, true)) {
                onFirstFailure.accept(e);
            }
        }
        return null;
    }
}

package io.replicator.s3sync;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only place deletes are sent, and the only place their rule lives: deletes go out only after
 * both listings completed and no error of any kind happened (copy, listing, order), and only if the
 * guards allow them; then in batches (DeleteObjects, at most 1000 keys per request).
 */
final class DeletePhase {
    static final int BATCH = 1000;

    /** Both listings read to their end, with the object counts they produced. */
    record CompletedListings(long sourceObjects, long destinationObjects) {
    }

    /** Deletes one batch on the destination; returns key -> error for the keys not deleted. */
    interface BatchDeleter {
        Map<String, String> delete(List<String> keys);
    }

    private DeletePhase() {
    }

    /** Keeps a batch before it is deleted; returns key -> error for the keys not kept. */
    interface BatchKeeper {
        Map<String, String> keep(List<DeleteQueue.Item> batch) throws InterruptedException;
    }

    static void run(SyncMode mode, CompletedListings listings, DeleteQueue queue, DeleteGuard guard,
                    RunTotals totals, BatchDeleter deleter) throws IOException {
        run(mode, listings, queue, guard, totals, null, deleter);
    }

    /**
     * keeper (null: nothing kept): every queued object is kept before the first delete; one that
     * could not be kept is an error, so nothing at all is deleted.
     */
    static void run(SyncMode mode, CompletedListings listings, DeleteQueue queue, DeleteGuard guard,
                    RunTotals totals, BatchKeeper keeper, BatchDeleter deleter) throws IOException {
        if (queue.count() == 0 || mode == SyncMode.CHECK) {
            return;
        }
        if (totals.hasErrors()) {
            totals.error("not deleting " + queue.count() + " objects because of the errors above");
            return;
        }
        Optional<String> refusal = guard.refusal(queue.count(), listings.sourceObjects(), listings.destinationObjects());
        if (refusal.isPresent()) {
            totals.error((mode == SyncMode.DRY_RUN ? "dry run: a real run would stop here: " : "") + refusal.get());
            return;
        }
        if (mode != SyncMode.SYNC) {
            return;
        }
        if (keeper != null && !keptAll(queue, totals, keeper)) {
            totals.error("not deleting " + queue.count() + " objects because of the errors above");
            return;
        }
        queue.forEachBatch(BATCH, batch -> {
            List<String> keys = batch.stream().map(DeleteQueue.Item::key).toList();
            Map<String, String> errors;
            try {
                errors = deleter.delete(keys);
            } catch (RuntimeException e) {
                errors = new HashMap<>();
                for (String k : keys) {
                    errors.put(k, String.valueOf(e.getMessage()));
                }
            }
            for (DeleteQueue.Item i : batch) {
                String err = errors.get(i.key());
                if (err == null) {
                    totals.add(RunTotals.Kind.DELETED, i.size());
                } else {
                    totals.failed(i.key(), i.size(), "delete failed: " + err);
                }
            }
        });
    }

    private static boolean keptAll(DeleteQueue queue, RunTotals totals, BatchKeeper keeper) throws IOException {
        queue.forEachBatch(BATCH, batch -> {
            Map<String, String> errors;
            try {
                errors = keeper.keep(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors = new HashMap<>();
                for (DeleteQueue.Item i : batch) {
                    errors.put(i.key(), "interrupted");
                }
            }
            for (DeleteQueue.Item i : batch) {
                String err = errors.get(i.key());
                if (err == null) {
                    totals.add(RunTotals.Kind.KEPT_DELETED, i.size());
                } else {
                    totals.failed(i.key(), i.size(), "not deleted: keeping it first failed: " + err);
                }
            }
        });
        return !totals.hasErrors();
    }
}

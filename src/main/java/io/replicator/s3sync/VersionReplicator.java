package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * versions=all: replicates every source version, oldest first per key and delete markers included,
 * into a versioned destination, so the destination holds the history (with its own version ids).
 * Which source version became which destination version is kept in a {@link VersionMap} in the
 * job's state location, never in object headers: a rerun writes only versions not yet replicated.
 *
 * <p>Per key, only versions newer than the newest replicated one are written (writing an older one
 * after it would put the history out of order); unreplicated older ones are reported. A version
 * that fails stops that key's later versions for this run. Nothing is ever deleted permanently on
 * the destination: a source delete marker becomes a delete marker there, and versions deleted at
 * the source (permanent version deletes) stay on the destination; the run notes them.
 */
final class VersionReplicator {
    private final BucketJob job;
    private final SyncOptions options;
    private final RunTotals totals;
    private final ErrorText errors;
    private final KeyFilter filter;
    private long reserved;
    private long outOfOrder;
    private long forgotten;

    private VersionReplicator(BucketJob job, SyncOptions options, RunTotals totals, ErrorText errors) {
        this.job = job;
        this.options = options;
        this.totals = totals;
        this.errors = errors;
        this.filter = options.filter();
    }

    static SyncReport run(BucketJob job, SyncOptions options, SyncListener listener) {
        RunTotals totals = new RunTotals(options, listener);
        RequestCounter counter = new RequestCounter();
        ErrorText errors = new ErrorText(job);
        long[] listed = new long[2];
        try {
            requireS3(job.source(), "source");
            requireS3(job.destination(), "destination");
            ReservedPrefix.checkJob(job);
            try (Sides sides = new Sides(job, options, counter, errors)) {
                new VersionReplicator(job, options, totals, errors).replicate(sides, listed);
            }
        } catch (SyncFailure f) {
            totals.error(errors.scrub(f.getMessage()));
        } catch (Exception e) {
            totals.error("bucket job " + job.name() + " failed: " + errors.describe(e));
        }
        return totals.report(job.name(), totals.result(), listed[0], listed[1], counter);
    }

    private static void requireS3(BucketRef ref, String role) {
        if (!(ref.remote() instanceof S3Remote)) {
            throw new SyncFailure("versions=all needs S3 on both sides: " + role + " " + ref.describe()
                    + " is a local directory, which keeps no versions");
        }
    }

    private void replicate(Sides sides, long[] listed) {
        S3Store src = (S3Store) sides.source;
        S3Store dst = (S3Store) sides.destination;
        requireVersionedDestination(dst);
        VersionMapStore store = new VersionMapStore(dst.client, options.state().stateBucket(), job.destination());
        VersionMap map;
        try {
            map = store.load();
        } catch (RuntimeException e) {
            throw errors.onBucket("state", new BucketRef(job.destination().remote(),
                    options.state().stateBucket() == null ? job.destination().bucket() : options.state().stateBucket()), e);
        }
        VersionListing history;
        try {
            history = new VersionListing(src.client, job.source().bucket(), job.source().prefix(), options.listPageSize());
        } catch (RuntimeException e) {
            throw errors.onBucket("source", job.source(), e);
        }
        VersionWriter writer = new VersionWriter(src, dst);
        Set<String> seen = new HashSet<>();
        boolean complete = false;
        try {
            while (nextKey(history)) {
                String dead = sides.deadEndpoint();
                if (dead != null) {
                    throw new SyncFailure(dead);
                }
                VersionListing.KeyHistory h = history.next();
                if (ReservedPrefix.contains(job.source(), h.key())) {
                    reserved++;
                } else if (filter.accepts(h.key())) {
                    seen.add(h.key());
                    totals.listedKey();
                    replicateKey(h, map, writer);
                }
            }
            complete = true;
            for (String key : map.keys()) {
                if (!seen.contains(key) && filter.accepts(key)) {
                    forgotten += map.forgetUnlisted(key, Set.of());
                }
            }
        } finally {
            listed[0] = history.versionCount();
            listed[1] = map.size();
            if (options.mode() == SyncMode.SYNC && map.changed() && sides.deadEndpoint() == null) {
                save(store, map);
            }
            notes(store, complete);
        }
    }

    private boolean nextKey(VersionListing history) {
        try {
            return history.hasNext();
        } catch (RuntimeException e) {
            throw errors.onBucket("source listing", job.source(), e);
        }
    }

    private void requireVersionedDestination(S3Store dst) {
        BucketVersioning.Status status;
        try {
            status = BucketVersioning.of(dst.client, dst.ref.bucket());
        } catch (RuntimeException e) {
            throw errors.onBucket("destination", job.destination(), e);
        }
        if (status != BucketVersioning.Status.ENABLED) {
            throw new SyncFailure("versions=all needs a versioned destination, but destination bucket '"
                    + dst.ref.bucket() + "' on remote '" + dst.remote.name() + "' (" + dst.remote.location() + ") has "
                    + status.describe() + "; enable versioning on it or set replicator.bucket-sync." + job.name()
                    + ".versions=current; nothing was copied or deleted");
        }
    }

    private void replicateKey(VersionListing.KeyHistory h, VersionMap map, VersionWriter writer) {
        List<VersionListing.Version> oldestFirst = new ArrayList<>(h.newestFirst());
        Collections.reverse(oldestFirst);
        Set<String> ids = new HashSet<>();
        int newestReplicated = -1;
        for (int i = 0; i < oldestFirst.size(); i++) {
            ids.add(oldestFirst.get(i).versionId());
            if (map.isReplicated(h.key(), oldestFirst.get(i).versionId())) {
                newestReplicated = i;
            }
        }
        forgotten += map.forgetUnlisted(h.key(), ids);
        for (int i = 0; i < oldestFirst.size(); i++) {
            VersionListing.Version v = oldestFirst.get(i);
            if (i <= newestReplicated) {
                if (map.isReplicated(h.key(), v.versionId())) {
                    totals.add(RunTotals.Kind.SKIPPED, v.size());
                } else {
                    outOfOrder++;
                }
            } else if (!act(h.key(), v, map, writer)) {
                return; // later versions of this key would land out of order
            }
        }
    }

    /** One pending version per the run's mode; false when it failed. */
    private boolean act(String key, VersionListing.Version v, VersionMap map, VersionWriter writer) {
        RunTotals.Kind kind = v.deleteMarker() ? RunTotals.Kind.DELETED : RunTotals.Kind.COPIED;
        String what = v.deleteMarker() ? "delete marker " + KeyText.escape(key) + " (version " + v.versionId()
                : "copy version " + KeyText.escape(key) + " (version " + v.versionId() + ", size " + v.size();
        what += ", modified " + v.lastModified() + ")";
        switch (options.mode()) {
            case DRY_RUN -> totals.planLine(what);
            case CHECK -> {
                totals.planLine("missing on destination: " + what);
                totals.difference();
            }
            case SYNC -> {
                try {
                    map.replicated(key, v.versionId(), writer.write(key, v));
                } catch (Exception e) {
                    totals.failed(key, v.size(), "version " + v.versionId() + ": " + errors.describe(e)
                            + (e instanceof InterruptedException ? "" : "; later versions of this key wait for the next run"));
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }
            }
        }
        totals.add(kind, v.size());
        return true;
    }

    private void save(VersionMapStore store, VersionMap map) {
        try {
            store.save(map);
        } catch (RuntimeException e) {
            totals.error("the version map " + store.describe() + " could not be written: " + errors.describe(e)
                    + "; the next run writes the versions of this run again");
        }
    }

    private void notes(VersionMapStore store, boolean complete) {
        if (reserved > 0) {
            totals.note(reserved + " source keys under the reserved prefix " + ReservedPrefix.PREFIX
                    + " were not synced (they hold a replicator's own state)");
        }
        if (outOfOrder > 0) {
            totals.note(outOfOrder + " source versions older than an already replicated version of their key were "
                    + "not written (they would land out of order; the version map " + store.describe()
                    + " was lost or another writer went first?)");
        }
        if (forgotten > 0 && complete) {
            totals.note(forgotten + " replicated versions are no longer at the source (deleted there): their copies "
                    + "stay on the destination; versions=all never deletes a version");
        }
    }
}

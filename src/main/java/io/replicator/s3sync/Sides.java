package io.replicator.s3sync;

import java.io.IOException;
import java.util.List;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The two ends of a job for one run: stores over fresh SDK clients (their interceptor counts this
 * run's requests), opened listings with errors translated to messages naming the side, and the
 * missing-destination-bucket policy. Closing releases the clients.
 */
final class Sides implements AutoCloseable {
    private final BucketJob job;
    private final SyncOptions options;
    private final ErrorText errors;
    private final Connection sourceConnection;
    private final Connection destinationConnection;
    final Store source;
    final Store destination;
    private final ExecutorService listingPrefetch = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "s3sync-list-prefetch");
        t.setDaemon(true);
        return t;
    });

    /** One S3 endpoint of this run: the S3Client, where it fits the direct path for small objects, its watch. */
    private record Connection(S3Client client, DirectObjects direct, EndpointWatch watch) implements AutoCloseable {
        static Connection open(String role, S3Remote remote, S3ClientFactory.ClientSettings settings) {
            EndpointWatch watch = new EndpointWatch(role + " endpoint " + remote.location() + " of remote '"
                    + remote.name() + "'");
            return new Connection(S3ClientFactory.create(remote, settings, List.of(watch)),
                    DirectObjects.forRemote(remote, settings.counter()), watch);
        }

        S3Store store(BucketRef ref, ProtectionHeaders protection) {
            return new S3Store(ref, client, direct, protection);
        }

        @Override
        public void close() {
            client.close();
            if (direct != null) {
                direct.close();
            }
        }
    }

    Sides(BucketJob job, SyncOptions options, RequestCounter counter, ErrorText errors) {
        this.job = job;
        this.options = options;
        this.errors = errors;
        S3ClientFactory.ClientSettings settings = new S3ClientFactory.ClientSettings(options.retry(),
                4 * options.parallelism() + 4, counter);
        S3Remote from = job.source().remote() instanceof S3Remote s ? s : null;
        S3Remote to = job.destination().remote() instanceof S3Remote d ? d : null;
        this.sourceConnection = from == null ? null : Connection.open("source", from, settings);
        this.destinationConnection = to == null ? null
                : from != null && to.sameAccountAs(from) ? sourceConnection : Connection.open("destination", to, settings);
        this.source = from == null ? new LocalStore(job.source()) : sourceConnection.store(job.source(), ProtectionHeaders.NONE);
        this.destination = to == null ? new LocalStore(job.destination()) : destinationConnection.store(job.destination(),
                new ProtectionHeaders(options.protection()));
    }

    Iterator<ObjectEntry> listSource() {
        if (source instanceof LocalStore l && !l.bucketExists()) {
            throw new SyncFailure("source bucket '" + job.source().bucket() + "' does not exist on local remote '"
                    + job.source().remote().name() + "' (" + job.source().remote().location() + ")");
        }
        if (options.versions().mode() == SourceVersions.Mode.POINT_IN_TIME) {
            return guarded("source", job.source(), () -> PointInTimeLister.open(source, job.source(),
                    options.versions().pointInTime(), options.listPageSize()));
        }
        return guarded("source", job.source(), () -> source instanceof S3Store s
                ? s.list(options.listPageSize(), listingPrefetch) : ((LocalStore) source).list(options.keyOrder()));
    }

    /** Lists the destination; a missing bucket is created (or planned) when configured, else fatal. */
    Iterator<ObjectEntry> listDestination(RunTotals totals) {
        try {
            if (destination instanceof LocalStore l) {
                if (!l.bucketExists()) {
                    return missingDestination(totals, null);
                }
                return guarded("destination", job.destination(), () -> l.list(options.keyOrder()));
            }
            return guarded("destination", job.destination(), () -> ((S3Store) destination).list(options.listPageSize(), listingPrefetch));
        } catch (SyncFailure f) {
            if (ErrorText.isNoSuchBucket(f.getCause())) {
                return missingDestination(totals, f);
            }
            throw f;
        }
    }

    private Iterator<ObjectEntry> missingDestination(RunTotals totals, SyncFailure cause) {
        String bucket = job.destination().bucket();
        String where = "remote '" + job.destination().remote().name() + "' (" + job.destination().remote().location() + ")";
        if (options.destinationBucket() == SyncOptions.BucketCreation.FAIL || options.mode() == SyncMode.CHECK) {
            throw new SyncFailure("destination bucket '" + bucket + "' does not exist on " + where
                    + (options.mode() == SyncMode.CHECK ? "" : "; create it or enable create-destination-bucket"), cause);
        }
        if (options.mode() == SyncMode.DRY_RUN) {
            totals.planLine("create bucket " + bucket);
        } else {
            try {
                if (destination instanceof LocalStore l) {
                    l.createBucket();
                } else {
                    ((S3Store) destination).createBucket();
                }
            } catch (IOException | RuntimeException e) {
                throw errors.onBucket("destination", job.destination(), e);
            }
            totals.note("created destination bucket '" + bucket + "' on " + where);
        }
        return Collections.emptyIterator();
    }

    /** Why the run must stop because an endpoint stopped taking connections; null while both answer. */
    String deadEndpoint() {
        for (Connection c : new Connection[] {sourceConnection, destinationConnection}) {
            if (c != null && c.watch().verdict() != null) {
                return c.watch().verdict();
            }
        }
        return null;
    }

    SyncPlanner.EtagResolver etagResolver(Store side) {
        return side instanceof LocalStore l ? (e, other) -> l.computeEtag(e, other, options.partSize())
                : SyncPlanner.EtagResolver.NONE;
    }

    Map<String, String> delete(List<String> keys) {
        return destination instanceof LocalStore l ? l.delete(keys) : ((S3Store) destination).deleteBatch(keys);
    }

    private interface Opener {
        Iterator<ObjectEntry> open();
    }

    /** Opens a listing and wraps it so any later page failure also names the side and remote. */
    private Iterator<ObjectEntry> guarded(String role, BucketRef ref, Opener opener) {
        Iterator<ObjectEntry> it;
        try {
            it = opener.open();
        } catch (RuntimeException e) {
            throw errors.onBucket(role, ref, e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (RuntimeException e) {
                    throw errors.onBucket(role + " listing", ref, e);
                }
            }

            @Override
            public ObjectEntry next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    throw errors.onBucket(role + " listing", ref, e);
                }
            }
        };
    }

    @Override
    public void close() {
        listingPrefetch.shutdownNow();
        if (sourceConnection != null) {
            sourceConnection.close();
        }
        if (destinationConnection != null && destinationConnection != sourceConnection) {
            destinationConnection.close();
        }
    }
}

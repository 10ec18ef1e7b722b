package io.replicator.s3sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.SdkHttpClient;
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
    private final S3Client sourceClient;
    private final S3Client destinationClient;
    private final List<AutoCloseable> httpClients = new ArrayList<>();
    final Store source;
    final Store destination;
    private final ExecutorService listingPrefetch = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "s3sync-list-prefetch");
        t.setDaemon(true);
        return t;
    });

    Sides(BucketJob job, SyncOptions options, RequestCounter counter, ErrorText errors) {
        this.job = job;
        this.options = options;
        this.errors = errors;
        S3ClientFactory.ClientSettings settings = new S3ClientFactory.ClientSettings(options.retry(),
                4 * options.parallelism() + 4, counter);
        SdkHttpClient sourceHttp = job.source().remote() instanceof S3Remote ? http(settings) : null;
        this.sourceClient = job.source().remote() instanceof S3Remote s ? S3ClientFactory.create(s, settings, sourceHttp) : null;
        boolean shared = sourceClient != null && job.destination().remote() instanceof S3Remote d
                && d.sameAccountAs((S3Remote) job.source().remote());
        SdkHttpClient destinationHttp = shared ? sourceHttp
                : job.destination().remote() instanceof S3Remote ? http(settings) : null;
        this.destinationClient = shared ? sourceClient : job.destination().remote() instanceof S3Remote d
                ? S3ClientFactory.create(d, settings, destinationHttp) : null;
        this.source = sourceClient != null ? store(job.source(), sourceClient, sourceHttp, counter)
                : new LocalStore(job.source());
        this.destination = destinationClient != null ? store(job.destination(), destinationClient, destinationHttp, counter)
                : new LocalStore(job.destination());
    }

    private SdkHttpClient http(S3ClientFactory.ClientSettings settings) {
        SdkHttpClient http = S3ClientFactory.httpClient(settings);
        httpClients.add(http);
        return http;
    }

    private static S3Store store(BucketRef ref, S3Client client, SdkHttpClient http, RequestCounter counter) {
        return new S3Store(ref, client, DirectObjects.forRemote((S3Remote) ref.remote(), http, counter));
    }

    Iterator<ObjectEntry> listSource() {
        if (source instanceof LocalStore l && !l.bucketExists()) {
            throw new SyncFailure("source bucket '" + job.source().bucket() + "' does not exist on local remote '"
                    + job.source().remote().name() + "' (" + job.source().remote().location() + ")");
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
        if (sourceClient != null) {
            sourceClient.close();
        }
        if (destinationClient != null && destinationClient != sourceClient) {
            destinationClient.close();
        }
        for (AutoCloseable http : httpClients) {
            try {
                http.close();
            } catch (Exception e) {
                // closing a connection pool; nothing is left to lose
            }
        }
    }
}

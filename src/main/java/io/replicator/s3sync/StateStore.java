package io.replicator.s3sync;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where one destination's {@link SyncState} and upload journal live: under
 * {@code .camel-replicator/sync/<destination bucket>/p=<URL-encoded destination prefix>/} in the
 * state bucket (the destination bucket unless configured): {@code state} and one
 * {@code uploads/<URL-encoded upload id>} object per multipart upload in flight (its body: the
 * bucket, the key and the {@link UploadRecord} line). One LIST of that folder at the start of a run finds both; the state is then read
 * with one GET, only when it exists (a destination whose ETags all compare never gets one).
 */
final class StateStore implements UploadJournal {
    private static final String STATE = "state";
    private static final String UPLOADS = "uploads/";

    /**
     * A multipart upload a killed run left behind; journalKey is its journal object; record is null
     * for an entry without one (written before uploads were resumable: aborted).
     */
    record Orphan(String journalKey, String bucket, String key, String uploadId, UploadRecord record) {
    }

    /** What the start of a run found. */
    record Loaded(SyncState state, boolean exists, List<Orphan> orphans) {
    }

    private final S3Client client;
    private final String bucket;
    private final String folder;
    private final String destinationBucket;

    StateStore(S3Client client, String stateBucket, BucketRef destination) {
        this.client = client;
        this.bucket = stateBucket == null ? destination.bucket() : stateBucket;
        this.destinationBucket = destination.bucket();
        this.folder = ReservedPrefix.PREFIX + "sync/" + destination.bucket() + "/p="
                + URLEncoder.encode(destination.prefix(), StandardCharsets.UTF_8) + "/";
    }

    String describe() {
        return "s3://" + bucket + "/" + folder + STATE;
    }

    Loaded load() {
        boolean exists = false;
        List<String> journal = new ArrayList<>();
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder)).contents()) {
            String rest = o.key().substring(folder.length());
            if (rest.equals(STATE)) {
                exists = true;
            } else if (rest.startsWith(UPLOADS)) {
                journal.add(o.key());
            }
        }
        List<Orphan> orphans = new ArrayList<>();
        for (String j : journal) {
            String[] body = client.getObjectAsBytes(b -> b.bucket(bucket).key(j)).asUtf8String().split("\n", 3);
            String id = URLDecoder.decode(j.substring(folder.length() + UPLOADS.length()), StandardCharsets.UTF_8);
            orphans.add(new Orphan(j, body[0], body.length > 1 ? body[1] : "", id,
                    body.length > 2 ? UploadRecord.decode(body[2]) : null));
        }
        if (!exists) {
            return new Loaded(SyncState.EMPTY, false, orphans);
        }
        byte[] data = client.getObjectAsBytes(b -> b.bucket(bucket).key(folder + STATE)).asByteArray();
        return new Loaded(SyncState.decode(data), true, orphans);
    }

    /** Writes the state; an empty one is not kept (deleted when it existed). */
    void save(SyncState state, boolean existed) {
        if (state.isEmpty()) {
            if (existed) {
                client.deleteObject(b -> b.bucket(bucket).key(folder + STATE));
            }
            return;
        }
        put(folder + STATE, state.encode());
    }

    /** Aborts an upload a killed run of this job left; one that is already gone counts as aborted. */
    void abort(Orphan o) {
        try {
            client.abortMultipartUpload(b -> b.bucket(o.bucket()).key(o.key()).uploadId(o.uploadId()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        forget(o);
    }

    /** Drops the journal entry of an upload that is gone. */
    void forget(Orphan o) {
        client.deleteObject(b -> b.bucket(bucket).key(o.journalKey()));
    }

    @Override
    public void opened(String fullKey, String uploadId, UploadRecord record) {
        put(journalKey(uploadId), (destinationBucket + "\n" + fullKey + "\n" + record.encode())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void closed(String fullKey, String uploadId) {
        client.deleteObject(b -> b.bucket(bucket).key(journalKey(uploadId)));
    }

    private String journalKey(String uploadId) {
        return folder + UPLOADS + URLEncoder.encode(uploadId, StandardCharsets.UTF_8);
    }

    /** With Content-MD5: the server checks the body, and the SDK sends one plain body (no aws-chunked). */
    private void put(String key, byte[] data) {
        String md5 = Md5.contentMd5(Md5.hex(data));
        client.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8").contentMD5(md5)
                .contentLength((long) data.length), RequestBody.fromBytes(data));
    }
}

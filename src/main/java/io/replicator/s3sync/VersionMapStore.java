package io.replicator.s3sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Where a versions=all job's {@link VersionMap} lives: the job's state location (the state bucket,
 * by default the destination bucket) under
 * {@code .camel-replicator/versions/<destination bucket>/p=<URL-encoded destination prefix>/map}.
 * In a versioned state bucket every write makes a new version of the map: the version this run
 * read is deleted (by its version id) once the new one is written, so the map keeps one version.
 */
final class VersionMapStore {
    private final S3Client client;
    private final String bucket;
    private final String key;
    private String loadedVersion;

    VersionMapStore(S3Client client, String stateBucket, BucketRef destination) {
        this.client = client;
        this.bucket = stateBucket == null ? destination.bucket() : stateBucket;
        this.key = ReservedPrefix.PREFIX + "versions/" + destination.bucket() + "/p="
                + URLEncoder.encode(destination.prefix(), StandardCharsets.UTF_8) + "/map";
    }

    String describe() {
        return "s3://" + bucket + "/" + key;
    }

    /** The map, empty when none was written yet. */
    VersionMap load() {
        ResponseBytes<GetObjectResponse> r;
        try {
            r = client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return new VersionMap();
        }
        loadedVersion = r.response().versionId();
        try {
            return VersionMap.decode(r.asByteArray());
        } catch (IllegalArgumentException e) {
            // replacing it would copy every version again: a person decides
            throw new SyncFailure("the version map " + describe() + " cannot be read (" + e.getMessage()
                    + "); nothing was copied; restore it from its previous version or remove it to start over");
        }
    }

    void save(VersionMap map) {
        byte[] data = map.encode();
        String md5 = Md5.contentMd5(Md5.hex(data));
        PutObjectResponse r = client.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8")
                .contentMD5(md5).contentLength((long) data.length), RequestBody.fromBytes(data));
        String previous = loadedVersion;
        loadedVersion = r.versionId();
        if (previous != null && !previous.equals("null") && !previous.equals(r.versionId())) {
            client.deleteObject(b -> b.bucket(bucket).key(key).versionId(previous));
        }
    }
}

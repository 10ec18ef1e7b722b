package io.replicator.s3sync;

/** The kinds of S3 requests a run sends, counted per attempt (retries included). */
public enum RequestType {
    LIST, HEAD, GET, PUT, COPY, CREATE_MULTIPART, UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART,
    ABORT_MULTIPART, DELETE_BATCH, DELETE, HEAD_BUCKET, CREATE_BUCKET, BUCKET_VERSIONING, OTHER
}

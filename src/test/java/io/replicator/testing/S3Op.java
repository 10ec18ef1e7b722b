package io.replicator.testing;

import java.util.Set;

/** The S3 operation of an HTTP request, classified the way a server would (path-style addressing). */
public enum S3Op {
    LIST, HEAD, GET, PUT, COPY, CREATE_MULTIPART, UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART,
    ABORT_MULTIPART, DELETE_OBJECTS, DELETE, HEAD_BUCKET, CREATE_BUCKET, OTHER;

    /** @param hasKey the path names an object (/bucket/key), not just a bucket */
    static S3Op classify(String method, boolean hasKey, Set<String> queryNames, boolean copySource) {
        boolean upload = queryNames.contains("uploadId");
        switch (method) {
            case "GET":
                if (!hasKey) {
                    return queryNames.isEmpty() || queryNames.contains("list-type") || queryNames.contains("prefix")
                            || queryNames.contains("marker") ? LIST : OTHER;
                }
                return upload ? OTHER : GET;
            case "HEAD":
                return hasKey ? HEAD : HEAD_BUCKET;
            case "PUT":
                if (!hasKey) {
                    return queryNames.isEmpty() ? CREATE_BUCKET : OTHER;
                }
                if (upload && queryNames.contains("partNumber")) {
                    return copySource ? UPLOAD_PART_COPY : UPLOAD_PART;
                }
                return copySource ? COPY : queryNames.isEmpty() ? PUT : OTHER;
            case "POST":
                if (!hasKey) {
                    return queryNames.contains("delete") ? DELETE_OBJECTS : OTHER;
                }
                return queryNames.contains("uploads") ? CREATE_MULTIPART : upload ? COMPLETE_MULTIPART : OTHER;
            case "DELETE":
                return !hasKey ? OTHER : upload ? ABORT_MULTIPART : DELETE;
            default:
                return OTHER;
        }
    }
}

package io.replicator.s3sync;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Checks an upload sent without payload signatures ({@link UnsignedPayloadSigner}): the ETag a
 * server answers to a PUT or an UploadPart is the MD5 of the bytes it stored (S3, Ceph RGW, MinIO,
 * S3Proxy), unless the object is encrypted with SSE-KMS or SSE-C. The MD5 of the bytes the body
 * streamed is compared with it; a mismatch sends the upload again (it re-reads the source), and
 * fails after {@link #ATTEMPTS} attempts. Bodies from memory carry Content-MD5 and need no check.
 */
final class UploadCheck {
    static final int ATTEMPTS = 3;

    /** What the server answered to one upload. */
    record Answer(String etag, String serverSideEncryption, String sseCustomerAlgorithm) {
    }

    interface Upload {
        Answer send();
    }

    private UploadCheck() {
    }

    /** Runs the upload until the answered ETag matches the bytes sent; returns that ETag. */
    static String verified(String what, ContentStreamProvider body, Upload upload) {
        for (int attempt = 1; ; attempt++) {
            Answer a = upload.send();
            String etag = Etags.normalize(a.etag());
            if (!(body instanceof ReopeningBody streamed)
                    || !Etags.isMd5OfContent(etag, a.serverSideEncryption(), a.sseCustomerAlgorithm())) {
                return a.etag();
            }
            String sent = streamed.md5Hex();
            if (etag.equals(sent)) {
                return a.etag();
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException(what + ": the server answered ETag " + etag + ", not the MD5 " + sent
                        + " of the bytes sent, " + ATTEMPTS + " times; the bytes were damaged on the way");
            }
        }
    }
}

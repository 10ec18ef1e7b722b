package io.replicator.s3sync;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.*;

/** Counts every HTTP attempt by request type; attempts after the first of a call count as retries. */
final class CountingInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> SENT_ONCE = new ExecutionAttribute<>("replicator.sentOnce");
    private final RequestCounter counter;

    CountingInterceptor(RequestCounter counter) {
        this.counter = counter;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counter.sent(typeOf(context.request()));
        if (attributes.getAttribute(SENT_ONCE) != null) {
            counter.retried();
        }
        attributes.putAttribute(SENT_ONCE, Boolean.TRUE);
    }

    static RequestType typeOf(SdkRequest r) {
        if (r instanceof ListObjectsV2Request || r instanceof ListObjectsRequest || r instanceof ListObjectVersionsRequest) {
            return RequestType.LIST;
        } else if (r instanceof HeadObjectRequest) {
            return RequestType.HEAD;
        } else if (r instanceof GetObjectRequest) {
            return RequestType.GET;
        } else if (r instanceof PutObjectRequest) {
            return RequestType.PUT;
        } else if (r instanceof CopyObjectRequest) {
            return RequestType.COPY;
        } else if (r instanceof CreateMultipartUploadRequest) {
            return RequestType.CREATE_MULTIPART;
        } else if (r instanceof UploadPartRequest) {
            return RequestType.UPLOAD_PART;
        } else if (r instanceof UploadPartCopyRequest) {
            return RequestType.UPLOAD_PART_COPY;
        } else if (r instanceof CompleteMultipartUploadRequest) {
            return RequestType.COMPLETE_MULTIPART;
        } else if (r instanceof AbortMultipartUploadRequest) {
            return RequestType.ABORT_MULTIPART;
        } else if (r instanceof DeleteObjectsRequest) {
            return RequestType.DELETE_BATCH;
        } else if (r instanceof DeleteObjectRequest) {
            return RequestType.DELETE;
        } else if (r instanceof HeadBucketRequest) {
            return RequestType.HEAD_BUCKET;
        } else if (r instanceof CreateBucketRequest) {
            return RequestType.CREATE_BUCKET;
        } else if (r instanceof GetBucketVersioningRequest) {
            return RequestType.BUCKET_VERSIONING;
        }
        return RequestType.OTHER;
    }
}

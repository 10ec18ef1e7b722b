package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A BucketSync's status: the common fields only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BucketSyncStatus extends JobStatus {
}

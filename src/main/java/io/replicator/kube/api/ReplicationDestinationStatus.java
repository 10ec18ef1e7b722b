package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A ReplicationDestination's status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationDestinationStatus extends JobStatus {
    @JsonProperty("rsyncTLS")
    private RsyncEndpoint rsyncTLS;
    private LatestImage latestImage;

    public RsyncEndpoint getRsyncTLS() {
        return rsyncTLS;
    }

    public void setRsyncTLS(RsyncEndpoint rsyncTLS) {
        this.rsyncTLS = rsyncTLS;
    }

    public LatestImage getLatestImage() {
        return latestImage;
    }

    public void setLatestImage(LatestImage latestImage) {
        this.latestImage = latestImage;
    }
}

package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** VolSync-compatible field names; mirrors replicator.volume-destination.&lt;job&gt;.*. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationDestinationSpec extends JobSpec {
    @JsonProperty("destinationPVC")
    private String destinationPVC;
    @JsonProperty("rsyncTLS")
    private DestinationRsyncTls rsyncTLS;

    public String getDestinationPVC() {
        return destinationPVC;
    }

    public void setDestinationPVC(String destinationPVC) {
        this.destinationPVC = destinationPVC;
    }

    public DestinationRsyncTls getRsyncTLS() {
        return rsyncTLS;
    }

    public void setRsyncTLS(DestinationRsyncTls rsyncTLS) {
        this.rsyncTLS = rsyncTLS;
    }
}

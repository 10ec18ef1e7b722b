package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** VolSync-compatible field names; mirrors replicator.volume-source.&lt;job&gt;.*. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationSourceSpec extends JobSpec {
    @JsonProperty("sourcePVC")
    private String sourcePVC;
    @JsonProperty("rsyncTLS")
    private SourceRsyncTls rsyncTLS;

    public String getSourcePVC() {
        return sourcePVC;
    }

    public void setSourcePVC(String sourcePVC) {
        this.sourcePVC = sourcePVC;
    }

    public SourceRsyncTls getRsyncTLS() {
        return rsyncTLS;
    }

    public void setRsyncTLS(SourceRsyncTls rsyncTLS) {
        this.rsyncTLS = rsyncTLS;
    }
}

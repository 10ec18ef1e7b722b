package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A ReplicationSource's status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicationSourceStatus extends JobStatus {
    @JsonProperty("rsyncTLS")
    private KeySecretStatus rsyncTLS;

    public KeySecretStatus getRsyncTLS() {
        return rsyncTLS;
    }

    public void setRsyncTLS(KeySecretStatus rsyncTLS) {
        this.rsyncTLS = rsyncTLS;
    }
}

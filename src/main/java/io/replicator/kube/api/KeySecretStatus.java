package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ReplicationSource's {@code status.rsyncTLS}: the name of the key's Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeySecretStatus {
    private String keySecret;

    public String getKeySecret() {
        return keySecret;
    }

    public void setKeySecret(String keySecret) {
        this.keySecret = keySecret;
    }
}

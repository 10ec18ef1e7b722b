package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ReplicationDestination's {@code status.rsyncTLS}: where sources reach it and the name of the key's Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AddressStatus {
    private String address;
    private Integer port;
    private String keySecret;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getKeySecret() {
        return keySecret;
    }

    public void setKeySecret(String keySecret) {
        this.keySecret = keySecret;
    }
}

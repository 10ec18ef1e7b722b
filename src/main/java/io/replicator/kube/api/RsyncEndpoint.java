package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a destination's rsync-TLS listener is reached and the name of the Secret with its key (a ReplicationDestination's {@code status.rsyncTLS}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RsyncEndpoint {
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

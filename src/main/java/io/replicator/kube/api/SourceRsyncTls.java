package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A ReplicationSource's {@code spec.rsyncTLS}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceRsyncTls {
    private SourceCopyMethod copyMethod;
    private String capacity;
    private String storageClassName;
    private List<String> accessModes;
    private String volumeSnapshotClassName;
    private String keySecret;
    private String address;
    private Integer port;

    public SourceCopyMethod getCopyMethod() {
        return copyMethod;
    }

    public void setCopyMethod(SourceCopyMethod copyMethod) {
        this.copyMethod = copyMethod;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public List<String> getAccessModes() {
        return accessModes;
    }

    public void setAccessModes(List<String> accessModes) {
        this.accessModes = accessModes;
    }

    public String getVolumeSnapshotClassName() {
        return volumeSnapshotClassName;
    }

    public void setVolumeSnapshotClassName(String volumeSnapshotClassName) {
        this.volumeSnapshotClassName = volumeSnapshotClassName;
    }

    public String getKeySecret() {
        return keySecret;
    }

    public void setKeySecret(String keySecret) {
        this.keySecret = keySecret;
    }

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
}

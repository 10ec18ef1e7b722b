package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What both kinds' {@code spec.rsyncTLS} have: the endpoint and the point-in-time copy's settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RsyncTls extends RsyncEndpoint {
    private String capacity;
    private String storageClassName;
    private List<String> accessModes;
    private String volumeSnapshotClassName;

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
}

package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A ReplicationDestination's {@code spec.rsyncTLS}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DestinationRsyncTls {
    private DestinationCopyMethod copyMethod;
    private ServiceType serviceType;
    private Map<String, String> serviceAnnotations;
    @JsonProperty("cleanupTempPVC")
    private Boolean cleanupTempPVC;
    private String capacity;
    private String storageClassName;
    private List<String> accessModes;
    private String volumeSnapshotClassName;
    private String keySecret;
    private String address;
    private Integer port;

    public DestinationCopyMethod getCopyMethod() {
        return copyMethod;
    }

    public void setCopyMethod(DestinationCopyMethod copyMethod) {
        this.copyMethod = copyMethod;
    }

    public ServiceType getServiceType() {
        return serviceType;
    }

    public void setServiceType(ServiceType serviceType) {
        this.serviceType = serviceType;
    }

    public Map<String, String> getServiceAnnotations() {
        return serviceAnnotations;
    }

    public void setServiceAnnotations(Map<String, String> serviceAnnotations) {
        this.serviceAnnotations = serviceAnnotations;
    }

    public Boolean getCleanupTempPVC() {
        return cleanupTempPVC;
    }

    public void setCleanupTempPVC(Boolean cleanupTempPVC) {
        this.cleanupTempPVC = cleanupTempPVC;
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

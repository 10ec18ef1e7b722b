package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A ReplicationDestination's {@code spec.rsyncTLS}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DestinationRsyncTls extends RsyncTls {
    private DestinationCopyMethod copyMethod;
    private ServiceType serviceType;
    private Map<String, String> serviceAnnotations;
    @JsonProperty("cleanupTempPVC")
    private Boolean cleanupTempPVC;

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
}

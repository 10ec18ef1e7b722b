package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Mirrors replicator.bucket-sync.&lt;job&gt;.* (the properties file is the source of truth). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BucketSyncSpec extends JobSpec {
    private String source;
    private String destination;
    private List<String> buckets;
    private Boolean dryRun;

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public List<String> getBuckets() {
        return buckets;
    }

    public void setBuckets(List<String> buckets) {
        this.buckets = buckets;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }
}

package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/** The status every kind has, with VolSync's field names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobStatus {
    @JsonSerialize(using = DateTimeString.class)
    private String lastSyncTime;
    @JsonSerialize(using = DateTimeString.class)
    private String lastSyncStartTime;
    private String lastSyncDuration;
    @JsonSerialize(using = DateTimeString.class)
    private String nextSyncTime;
    private String lastManualSync;
    private MoverStatus latestMoverStatus;
    private Map<String, Long> summary;
    private List<Condition> conditions;

    public String getLastSyncTime() {
        return lastSyncTime;
    }

    public void setLastSyncTime(String lastSyncTime) {
        this.lastSyncTime = lastSyncTime;
    }

    public String getLastSyncStartTime() {
        return lastSyncStartTime;
    }

    public void setLastSyncStartTime(String lastSyncStartTime) {
        this.lastSyncStartTime = lastSyncStartTime;
    }

    public String getLastSyncDuration() {
        return lastSyncDuration;
    }

    public void setLastSyncDuration(String lastSyncDuration) {
        this.lastSyncDuration = lastSyncDuration;
    }

    public String getNextSyncTime() {
        return nextSyncTime;
    }

    public void setNextSyncTime(String nextSyncTime) {
        this.nextSyncTime = nextSyncTime;
    }

    public String getLastManualSync() {
        return lastManualSync;
    }

    public void setLastManualSync(String lastManualSync) {
        this.lastManualSync = lastManualSync;
    }

    public MoverStatus getLatestMoverStatus() {
        return latestMoverStatus;
    }

    public void setLatestMoverStatus(MoverStatus latestMoverStatus) {
        this.latestMoverStatus = latestMoverStatus;
    }

    public Map<String, Long> getSummary() {
        return summary;
    }

    public void setSummary(Map<String, Long> summary) {
        this.summary = summary;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}

package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code spec.trigger}: the cron schedule from configuration and the user's manual trigger. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Trigger {
    private String schedule;
    @JsonPropertyDescription("Changing this value runs one sync.")
    private String manual;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getManual() {
        return manual;
    }

    public void setManual(String manual) {
        this.manual = manual;
    }
}

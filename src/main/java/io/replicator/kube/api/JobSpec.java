package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What every kind's spec has: {@code paused} and {@code trigger.manual} belong to the user. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class JobSpec {
    private Boolean paused;
    private Trigger trigger;

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public void setTrigger(Trigger trigger) {
        this.trigger = trigger;
    }
}

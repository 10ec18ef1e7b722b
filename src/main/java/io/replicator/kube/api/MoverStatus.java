package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code status.latestMoverStatus}: the last sync's result and log tail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MoverStatus {
    private MoverResultValue result;
    private String logs;

    public MoverResultValue getResult() {
        return result;
    }

    public void setResult(MoverResultValue result) {
        this.result = result;
    }

    public String getLogs() {
        return logs;
    }

    public void setLogs(String logs) {
        this.logs = logs;
    }
}

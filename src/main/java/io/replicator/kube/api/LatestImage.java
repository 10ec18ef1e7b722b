package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code status.latestImage}, VolSync's TypedLocalObjectReference; apiGroup is absent for the core group. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatestImage {
    private String apiGroup;
    private String kind;
    private String name;

    public String getApiGroup() {
        return apiGroup;
    }

    public void setApiGroup(String apiGroup) {
        this.apiGroup = apiGroup;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}

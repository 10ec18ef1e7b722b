package io.replicator.kube.api;

/** The API group and version of our custom resources (the CRDs are generated from these classes). */
public final class ApiGroup {
    public static final String GROUP = "replication.camel-replicator.io";
    public static final String VERSION = "v1alpha1";

    private ApiGroup() {
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.replicator.config.JobKind;
import java.util.Map;
import java.util.Objects;

/**
 * One job's custom resource: kind (BucketSync, ReplicationSource or ReplicationDestination),
 * namespace and name. Also holds the constants of our CRDs (k8s/base/crd/).
 */
public record JobResource(String kind, String namespace, String name) {
    public static final String GROUP = "replication.camel-replicator.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String BUCKET_SYNC = "BucketSync";
    public static final String REPLICATION_SOURCE = "ReplicationSource";
    public static final String REPLICATION_DESTINATION = "ReplicationDestination";
    /** Plural (URL path segment) of each kind. */
    public static final Map<String, String> PLURALS = Map.of(
            BUCKET_SYNC, "bucketsyncs",
            REPLICATION_SOURCE, "replicationsources",
            REPLICATION_DESTINATION, "replicationdestinations");
    /** The job kind (as in replicator.&lt;kind&gt;.* and the route ids) each resource kind mirrors. */
    private static final Map<String, JobKind> JOB_KINDS = Map.of(
            BUCKET_SYNC, JobKind.BUCKET_SYNC,
            REPLICATION_SOURCE, JobKind.VOLUME_SOURCE,
            REPLICATION_DESTINATION, JobKind.VOLUME_DESTINATION);
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "camel-replicator";

    public JobResource {
        Objects.requireNonNull(kind, "kind");
        if (!PLURALS.containsKey(kind)) {
            throw new IllegalArgumentException("unknown kind '" + kind + "', expected one of " + PLURALS.keySet());
        }
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException(kind + " needs a namespace and a name, got '" + namespace + "/" + name + "'");
        }
    }

    /** The resource that mirrors job {@code job} of a job kind. */
    public static JobResource ofJob(JobKind jobKind, String namespace, String job) {
        String kind = JOB_KINDS.entrySet().stream().filter(e -> e.getValue() == jobKind).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no resource kind for job kind " + jobKind));
        return new JobResource(kind, namespace, job);
    }

    /** The kind of the job this resource mirrors. */
    public JobKind jobKind() {
        return JOB_KINDS.get(kind);
    }

    /** Where the API server serves a kind of ours (no discovery round trip needed). */
    public static ResourceDefinitionContext context(String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
                .withPlural(PLURALS.get(kind)).withNamespaced(true).build();
    }

    /** This one object. */
    Resource<GenericKubernetesResource> ops(KubernetesClient client) {
        return client.genericKubernetesResources(context(kind)).inNamespace(namespace).withName(name);
    }

    /** "Kind namespace/name", for messages. */
    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.replicator.kube.api.ApiGroup;
import io.replicator.kube.api.BucketSync;
import io.replicator.kube.api.JobSpec;
import io.replicator.kube.api.JobStatus;
import io.replicator.kube.api.ReplicationDestination;
import io.replicator.kube.api.ReplicationSource;
import io.replicator.config.JobKind;
import java.util.Map;
import java.util.Objects;

/**
 * One job's custom resource: kind (BucketSync, ReplicationSource or ReplicationDestination),
 * namespace and name. Also holds the constants of our CRDs (generated from io.replicator.kube.api
 * into k8s/base/crd/).
 */
public record JobResource(String kind, String namespace, String name) {
    public static final String GROUP = ApiGroup.GROUP;
    public static final String VERSION = ApiGroup.VERSION;
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String BUCKET_SYNC = "BucketSync";
    public static final String REPLICATION_SOURCE = "ReplicationSource";
    public static final String REPLICATION_DESTINATION = "ReplicationDestination";
    /** Plural (URL path segment) of each kind. */
    public static final Map<String, String> PLURALS = Map.of(
            BUCKET_SYNC, "bucketsyncs",
            REPLICATION_SOURCE, "replicationsources",
            REPLICATION_DESTINATION, "replicationdestinations");
    /** The class of each kind. */
    private static final Map<String, Class<? extends CustomResource<?, ?>>> TYPES = Map.of(
            BUCKET_SYNC, BucketSync.class,
            REPLICATION_SOURCE, ReplicationSource.class,
            REPLICATION_DESTINATION, ReplicationDestination.class);
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

    /** The resources of a kind, seen through the spec and status every kind has. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MixedOperation<CustomResource<JobSpec, JobStatus>, ?, Resource<CustomResource<JobSpec, JobStatus>>> all(
            KubernetesClient client, String kind) {
        return (MixedOperation) client.resources(TYPES.get(kind));
    }

    /** A new, empty object of this kind, named as this one. */
    CustomResource<JobSpec, JobStatus> fresh() {
        try {
            @SuppressWarnings("unchecked")
            CustomResource<JobSpec, JobStatus> created =
                    (CustomResource<JobSpec, JobStatus>) TYPES.get(kind).getDeclaredConstructor().newInstance();
            created.getMetadata().setNamespace(namespace);
            created.getMetadata().setName(name);
            return created;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + kind, e);
        }
    }

    /** This one object. */
    Resource<CustomResource<JobSpec, JobStatus>> ops(KubernetesClient client) {
        return all(client, kind).inNamespace(namespace).withName(name);
    }

    /** {@code status.lastManualSync} as the API server has it now, or null (also when the object is missing). */
    public String lastManualSync(KubernetesClient client) {
        CustomResource<JobSpec, JobStatus> current = ops(client).get();
        return current == null || current.getStatus() == null ? null : current.getStatus().getLastManualSync();
    }

    /** "Kind namespace/name", for messages. */
    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}

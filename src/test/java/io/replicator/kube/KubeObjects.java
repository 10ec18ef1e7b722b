package io.replicator.kube;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.replicator.kube.api.BucketSyncSpec;
import io.replicator.kube.api.JobSpec;
import io.replicator.kube.api.ReplicationDestinationSpec;
import io.replicator.kube.api.ReplicationSourceSpec;
import io.replicator.testing.RawJobResources;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test helpers: a typed spec written as JSON fields, a job resource read as the raw JSON the API
 * server stores, and its spec edited the way a user with kubectl would.
 */
final class KubeObjects {
    /** Strict: a field the type does not have fails the test instead of vanishing. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends JobSpec>> SPECS = Map.of(
            JobResource.BUCKET_SYNC, BucketSyncSpec.class,
            JobResource.REPLICATION_SOURCE, ReplicationSourceSpec.class,
            JobResource.REPLICATION_DESTINATION, ReplicationDestinationSpec.class);

    private KubeObjects() {
    }

    /** The spec of r's kind with these JSON fields. */
    static JobSpec spec(JobResource r, Map<String, Object> fields) {
        return STRICT.convertValue(fields, SPECS.get(r.kind()));
    }

    /** The object as stored, in raw JSON form. */
    static GenericKubernetesResource get(KubernetesClient client, JobResource r) {
        return client.genericKubernetesResources(RawJobResources.context(r.kind())).inNamespace(r.namespace())
                .withName(r.name()).get();
    }

    /** A typed object in raw JSON form. */
    static GenericKubernetesResource raw(HasMetadata typed) {
        KubernetesSerialization json = new KubernetesSerialization();
        return json.unmarshal(json.asJson(typed), GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    static GenericKubernetesResource userEditsSpec(KubernetesClient client, JobResource r, Consumer<Map<String, Object>> change) {
        return client.genericKubernetesResources(RawJobResources.context(r.kind())).inNamespace(r.namespace())
                .withName(r.name()).edit(obj -> {
                    Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) obj.getAdditionalProperties().get("spec"));
                    change.accept(spec);
                    obj.getAdditionalProperties().put("spec", spec);
                    return obj;
                });
    }

    /** Sets spec.trigger.manual, keeping the rest of the trigger. */
    @SuppressWarnings("unchecked")
    static GenericKubernetesResource userSetsManual(KubernetesClient client, JobResource r, String value) {
        return userEditsSpec(client, r, spec -> {
            Map<String, Object> trigger = new LinkedHashMap<>((Map<String, Object>) spec.getOrDefault("trigger", Map.of()));
            trigger.put("manual", value);
            spec.put("trigger", trigger);
        });
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mirrors each configured job into its custom resource: creates it when missing, otherwise updates
 * the spec fields that come from configuration. {@code spec.paused} and {@code spec.trigger.manual}
 * belong to users (kubectl) once the resource exists, so their cluster values are kept. Status is never
 * written here (spec updates go to the main resource, which ignores status). Updates carry the
 * resourceVersion that was read, so a concurrent user edit yields 409 and is merged again, not lost.
 */
public final class ResourceMirror {
    static final int ATTEMPTS = 5;
    private final KubernetesClient client;

    public ResourceMirror(KubernetesClient client) {
        this.client = client;
    }

    /** Creates or updates the resource of {@code r} from {@code spec}; returns the object as now stored. */
    public GenericKubernetesResource ensure(JobResource r, Map<String, Object> spec) {
        KubernetesClientException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                GenericKubernetesResource existing = r.ops(client).get();
                return existing == null ? create(r, spec) : update(r, existing, spec);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) { // 409: created or changed by someone else meanwhile
                    throw new IllegalStateException("cannot create or update " + r + ": HTTP " + e.getCode()
                            + " " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IllegalStateException("cannot update " + r + ": still conflicting after " + ATTEMPTS + " attempts", last);
    }

    private GenericKubernetesResource create(JobResource r, Map<String, Object> spec) {
        GenericKubernetesResource fresh = new GenericKubernetesResourceBuilder()
                .withApiVersion(JobResource.API_VERSION).withKind(r.kind())
                .withNewMetadata().withNamespace(r.namespace()).withName(r.name())
                .addToLabels(JobResource.MANAGED_BY_LABEL, JobResource.MANAGED_BY_VALUE).endMetadata()
                .addToAdditionalProperties("spec", normalised(spec))
                .build();
        return stored(r, fresh).create();
    }

    private GenericKubernetesResource update(JobResource r, GenericKubernetesResource existing, Map<String, Object> spec) {
        Map<String, Object> current = asMap(existing.getAdditionalProperties().get("spec"));
        Map<String, Object> wanted = normalised(merge(current, spec));
        Map<String, String> labels = existing.getMetadata().getLabels() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(existing.getMetadata().getLabels());
        // A resource created by hand for a configured job is adopted, so the SpecWatcher sees it.
        boolean labelled = JobResource.MANAGED_BY_VALUE.equals(labels.put(JobResource.MANAGED_BY_LABEL,
                JobResource.MANAGED_BY_VALUE));
        if (labelled && wanted.equals(current)) {
            return existing; // nothing to do: no write, no generation bump, no watch event
        }
        existing.getMetadata().setLabels(labels);
        existing.getAdditionalProperties().put("spec", wanted);
        return stored(r, existing).update(); // carries the resourceVersion read above
    }

    private Resource<GenericKubernetesResource> stored(JobResource r, GenericKubernetesResource item) {
        return client.genericKubernetesResources(JobResource.context(r.kind())).inNamespace(r.namespace()).resource(item);
    }

    /** The cluster's spec with the configuration's top-level fields, keeping the user-owned ones. */
    static Map<String, Object> merge(Map<String, Object> cluster, Map<String, Object> config) {
        Map<String, Object> merged = new LinkedHashMap<>(cluster);
        config.forEach((key, value) -> {
            switch (key) {
                case "paused" -> { } // user-owned: stays as in the cluster, present or not
                case "trigger" -> merged.put(key, mergeTrigger(asMap(cluster.get(key)), asMap(value)));
                default -> {
                    if (value == null) {
                        merged.remove(key);
                    } else {
                        merged.put(key, value);
                    }
                }
            }
        });
        return merged;
    }

    /** The configured trigger (schedule) plus the cluster's {@code manual}, present or not. */
    private static Map<String, Object> mergeTrigger(Map<String, Object> cluster, Map<String, Object> config) {
        Map<String, Object> trigger = new LinkedHashMap<>(config);
        trigger.remove("manual");
        if (cluster.containsKey("manual")) {
            trigger.put("manual", cluster.get("manual"));
        }
        return trigger;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Through JSON and back, so numbers and nesting compare equal to what the API server returns. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> normalised(Map<String, Object> spec) {
        KubernetesSerialization json = client.getKubernetesSerialization();
        return json.unmarshal(json.asJson(spec), Map.class);
    }
}

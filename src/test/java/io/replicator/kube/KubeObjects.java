package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Test helpers: read a job resource, and edit its spec the way a user with kubectl would. */
final class KubeObjects {
    private KubeObjects() {
    }

    static GenericKubernetesResource get(KubernetesClient client, JobResource r) {
        return r.ops(client).get();
    }

    @SuppressWarnings("unchecked")
    static GenericKubernetesResource userEditsSpec(KubernetesClient client, JobResource r, Consumer<Map<String, Object>> change) {
        return r.ops(client).edit(obj -> {
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

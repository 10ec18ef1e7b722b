package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code snapshot.storage.k8s.io/v1} VolumeSnapshots as generic resources (fabric8 ships no typed
 * model for them here): building one of a PVC and waiting until it is readyToUse.
 */
final class VolumeSnapshots {
    static final String API_GROUP = "snapshot.storage.k8s.io";
    static final String KIND = "VolumeSnapshot";
    /** Named explicitly so the client needs no API discovery (and no RBAC for it). */
    static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup(API_GROUP).withVersion("v1").withKind(KIND).withPlural("volumesnapshots")
            .withNamespaced(true).build();

    private VolumeSnapshots() {
    }

    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> api(
            KubernetesClient client) {
        return client.genericKubernetesResources(CONTEXT);
    }

    /** A VolumeSnapshot of {@code pvc}; {@code snapshotClass} null means the cluster's default class. */
    static GenericKubernetesResource of(String namespace, String name, String pvc, String snapshotClass,
                                        Map<String, String> labels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("source", Map.of("persistentVolumeClaimName", pvc));
        if (snapshotClass != null) {
            spec.put("volumeSnapshotClassName", snapshotClass);
        }
        GenericKubernetesResource snapshot = new GenericKubernetesResourceBuilder()
                .withApiVersion(API_GROUP + "/v1").withKind(KIND)
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .build();
        snapshot.setAdditionalProperty("spec", spec);
        return snapshot;
    }

    /**
     * Waits (on a watch) until the snapshot reports {@code status.readyToUse: true}. Fails on
     * {@code status.error.message}, on the snapshot disappearing, and after {@code timeout}.
     * (VolSync uses a snapshot without waiting for readyToUse; we do not.)
     */
    static GenericKubernetesResource awaitReady(KubernetesClient client, String namespace, String name, Duration timeout) {
        String what = KIND + " " + namespace + "/" + name;
        GenericKubernetesResource snapshot;
        try {
            snapshot = api(client).inNamespace(namespace).withName(name).waitUntilCondition(
                    s -> s == null || readyToUse(s) || errorMessage(s) != null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            throw new ReadyTimeoutException(what + " was not readyToUse within " + timeout);
        }
        if (snapshot == null) {
            throw new KubeResourceException(what + " was deleted while waiting for it to become readyToUse");
        }
        if (!readyToUse(snapshot)) {
            throw new KubeResourceException(what + " failed: " + errorMessage(snapshot));
        }
        return snapshot;
    }

    static boolean readyToUse(GenericKubernetesResource snapshot) {
        return Boolean.TRUE.equals(field(snapshot, "status", "readyToUse"));
    }

    static String errorMessage(GenericKubernetesResource snapshot) {
        Object message = field(snapshot, "status", "error", "message");
        return message == null ? null : message.toString();
    }

    /** A nested field, or null when any level is missing. */
    static Object field(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Plays the cluster's controllers for tests against the mock API server: once an object appears
 * (seen on a watch) it writes the status the snapshot or Job controller would, through the API.
 */
final class ClusterSimulator implements AutoCloseable {
    /** Only a guard against a hung test: objects appear within milliseconds. */
    private static final long APPEAR_SECONDS = 30;
    private final KubernetesClient client;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** The objects of a namespace as they were when a mover Job appeared (cleanup removes them later). */
    record Observed(Job job, List<PersistentVolumeClaim> pvcs, List<GenericKubernetesResource> snapshots) {
        PersistentVolumeClaim pvc(String name) {
            return pvcs.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        }
    }

    ClusterSimulator(KubernetesClient client) {
        this.client = client;
    }

    /** When VolumeSnapshot ns/name appears, sets its status (e.g. readyToUse, error). */
    Future<GenericKubernetesResource> snapshotStatus(String ns, String name, Map<String, Object> status) {
        return threads.submit(() -> {
            VolumeSnapshots.api(client).inNamespace(ns).withName(name)
                    .waitUntilCondition(Objects::nonNull, APPEAR_SECONDS, TimeUnit.SECONDS);
            return VolumeSnapshots.api(client).inNamespace(ns).withName(name).editStatus(s -> {
                s.setAdditionalProperty("status", status);
                return s;
            });
        });
    }

    /** When Job ns/name appears, records the namespace's objects and then sets the Job's status. */
    Future<Observed> jobStatus(String ns, String name, JobStatus status) {
        return threads.submit(() -> {
            client.batch().v1().jobs().inNamespace(ns).withName(name)
                    .waitUntilCondition(Objects::nonNull, APPEAR_SECONDS, TimeUnit.SECONDS);
            Observed seen = new Observed(client.batch().v1().jobs().inNamespace(ns).withName(name).get(),
                    client.persistentVolumeClaims().inNamespace(ns).list().getItems(),
                    VolumeSnapshots.api(client).inNamespace(ns).list().getItems());
            client.batch().v1().jobs().inNamespace(ns).withName(name).editStatus(j -> {
                j.setStatus(status);
                return j;
            });
            return seen;
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

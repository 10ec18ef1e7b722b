package io.replicator.kube;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source sync's temporaries (mover Job, PVC, VolumeSnapshot), found by their labels
 * (managed-by + temporary-for=&lt;job&gt;) and deleted after every sync, whatever its outcome.
 */
public final class TemporaryResources {
    private static final Logger LOG = LoggerFactory.getLogger(TemporaryResources.class);
    private final KubernetesClient client;

    public TemporaryResources(KubernetesClient client) {
        this.client = client;
    }

    /** Deletes the job's temporaries; returns how many objects were deleted. */
    public int cleanup(String namespace, String job) {
        Map<String, String> labels = ReplicatorLabels.temporaryFor(job);
        // The Job first (Background: the garbage collector removes its pods, which release the PVC),
        // then the PVC, then the snapshot it may have been restored from.
        int deleted = client.batch().v1().jobs().inNamespace(namespace).withLabels(labels)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete().size();
        deleted += client.persistentVolumeClaims().inNamespace(namespace).withLabels(labels).delete().size();
        deleted += VolumeSnapshots.api(client).inNamespace(namespace).withLabels(labels).delete().size();
        if (deleted > 0) {
            LOG.info("Deleted {} temporary object(s) of job {} in namespace {}", deleted, job, namespace);
        }
        return deleted;
    }

    /**
     * Waits (on watches) until none of the job's temporaries is left; false after {@code timeout}.
     * Deleted objects can linger (finalizers, pods terminating) and their names are reused next sync.
     */
    public boolean awaitGone(String namespace, String job, Duration timeout) {
        Map<String, String> labels = ReplicatorLabels.temporaryFor(job);
        List<CompletableFuture<?>> gone = List.of(
                client.batch().v1().jobs().inNamespace(namespace).withLabels(labels).informOnCondition(List::isEmpty),
                client.persistentVolumeClaims().inNamespace(namespace).withLabels(labels).informOnCondition(List::isEmpty),
                VolumeSnapshots.api(client).inNamespace(namespace).withLabels(labels).informOnCondition(List::isEmpty));
        CompletableFuture<Void> all = CompletableFuture.allOf(gone.toArray(CompletableFuture[]::new));
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("watching the temporaries of job " + job + " in " + namespace + " failed",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            gone.forEach(f -> f.cancel(true)); // stops the informers of the conditions not met
        }
    }
}

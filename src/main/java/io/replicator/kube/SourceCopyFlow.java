package io.replicator.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.replicator.kube.MoverResult.Outcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source sync with copyMethod Clone or Snapshot: point-in-time copy, mover Job, cleanup of
 * every temporary whatever happened (and of a crashed run's leftovers first). The cluster's own
 * failures (snapshot error or not ready in time, mover failed or timed out) come back as a
 * {@link MoverResult}; API errors (forbidden, unreachable) are thrown.
 */
public final class SourceCopyFlow {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCopyFlow.class);
    private final SourceVolumeCopy copies;
    private final MoverJobs movers;
    private final TemporaryResources temporaries;

    public SourceCopyFlow(KubernetesClient client) {
        this.copies = new SourceVolumeCopy(client);
        this.movers = new MoverJobs(client);
        this.temporaries = new TemporaryResources(client);
    }

    /** {@code mover.claimName()} is ignored: the mover mounts the copy made here. */
    public MoverResult run(SourceCopyRequest copy, MoverJobRequest mover) {
        if (!copy.namespace().equals(mover.namespace()) || !copy.job().equals(mover.job())) {
            throw new IllegalArgumentException("copy of " + copy.namespace() + "/" + copy.job()
                    + " and mover of " + mover.namespace() + "/" + mover.job() + " must be for the same job");
        }
        if (temporaries.cleanup(copy.namespace(), copy.job()) > 0
                && !temporaries.awaitGone(copy.namespace(), copy.job(), copy.readyTimeout())) {
            LOG.warn("Temporaries of an earlier sync of job {} in {} are still being deleted", copy.job(), copy.namespace());
        }
        try {
            String pvc = copies.prepare(copy);
            return movers.run(mover.withClaimName(pvc));
        } catch (ReadyTimeoutException e) {
            return new MoverResult(Outcome.TIMED_OUT, e.getMessage(), List.of());
        } catch (KubeResourceException e) {
            return new MoverResult(Outcome.FAILED, e.getMessage(), List.of());
        } finally {
            cleanupQuietly(copy);
        }
    }

    /** A failed cleanup must not hide the sync's own result; the next sync deletes the leftovers. */
    private void cleanupQuietly(SourceCopyRequest copy) {
        try {
            temporaries.cleanup(copy.namespace(), copy.job());
        } catch (KubernetesClientException e) {
            LOG.warn("Could not delete the temporaries of job {} in {}: {}", copy.job(), copy.namespace(), e.getMessage());
        }
    }
}

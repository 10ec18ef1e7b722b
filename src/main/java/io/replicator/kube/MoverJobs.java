package io.replicator.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.replicator.kube.MoverResult.Outcome;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source sync's mover as a batch/v1 Job and waits (on a watch) until it succeeds, fails or
 * the request's timeout passes. The Job is left in place for {@link TemporaryResources} to delete.
 */
public final class MoverJobs {
    /** As many of the mover pod's last log lines as the result carries (VolSync keeps the last 1 KiB). */
    static final int LOG_LINES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MoverJobs.class);
    private final KubernetesClient client;

    public MoverJobs(KubernetesClient client) {
        this.client = client;
    }

    public MoverResult run(MoverJobRequest req) {
        String ns = req.namespace();
        String name = TemporaryNames.moverJob(req.job());
        String what = "mover Job " + ns + "/" + name;
        client.batch().v1().jobs().inNamespace(ns).resource(MoverJobSpec.build(req, name)).create();
        LOG.info("Started {} for job {} with PVC {}", what, req.job(), req.claimName());
        Job done;
        try {
            done = client.batch().v1().jobs().inNamespace(ns).withName(name).waitUntilCondition(
                    j -> j == null || outcome(j) != null, req.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            return new MoverResult(Outcome.TIMED_OUT, what + " did not finish within " + req.timeout(), logTail(ns, req.job()));
        }
        if (done == null) {
            return new MoverResult(Outcome.FAILED, what + " was deleted before it finished", List.of());
        }
        Outcome outcome = outcome(done);
        String message = switch (outcome) {
            case SUCCEEDED -> what + " succeeded";
            case TIMED_OUT -> what + " did not finish within " + req.timeout() + " (" + failure(done) + ")";
            case FAILED -> what + " failed: " + failure(done);
        };
        return new MoverResult(outcome, message, logTail(ns, req.job()));
    }

    /** How the Job ended, or null while it runs. */
    static Outcome outcome(Job job) {
        JobStatus status = job.getStatus();
        if (status == null) {
            return null;
        }
        if (positive(status.getSucceeded()) || condition(status, "Complete").isPresent()) {
            return Outcome.SUCCEEDED;
        }
        Optional<JobCondition> failed = condition(status, "Failed");
        if (failed.isPresent() && "DeadlineExceeded".equals(failed.get().getReason())) {
            return Outcome.TIMED_OUT; // our activeDeadlineSeconds, which is the request's timeout
        }
        return failed.isPresent() || positive(status.getFailed()) ? Outcome.FAILED : null;
    }

    private static String failure(Job job) {
        return condition(job.getStatus(), "Failed")
                .map(c -> c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage()))
                .orElse(job.getStatus().getFailed() + " pod(s) failed");
    }

    private static Optional<JobCondition> condition(JobStatus status, String type) {
        return status.getConditions() == null ? Optional.empty() : status.getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    /** The newest mover pod's last log lines; empty when there is none or its log cannot be read. */
    private List<String> logTail(String ns, String job) {
        try {
            Optional<Pod> pod = client.pods().inNamespace(ns).withLabels(ReplicatorLabels.temporaryFor(job)).list()
                    .getItems().stream().max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())));
            if (pod.isEmpty()) {
                return List.of();
            }
            String log = client.pods().inNamespace(ns).withName(pod.get().getMetadata().getName())
                    .tailingLines(LOG_LINES).getLog();
            return log == null || log.isEmpty() ? List.of() : List.of(log.split("\r?\n"));
        } catch (KubernetesClientException e) {
            LOG.debug("cannot read the mover log of job {} in {}: {}", job, ns, e.getMessage());
            return List.of();
        }
    }
}

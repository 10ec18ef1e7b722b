package io.replicator.platform;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.VolumeSourceRunner;
import io.replicator.kube.DestinationSnapshots;
import io.replicator.kube.JobResource;
import io.replicator.kube.MoverJobRequest;
import io.replicator.kube.MoverResult;
import io.replicator.kube.SourceCopyFlow;
import io.replicator.kube.SourceCopyRequest;
import io.replicator.kube.StatusWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Volumes on Kubernetes: a destination's latest image (a VolumeSnapshot after each successful
 * session, the newest N kept; or the PVC itself), and Clone/Snapshot sources synced from a copy of
 * the source PVC by a mover Job that runs this application's own pod spec with --once --from-path.
 */
final class KubernetesVolumes {
    /** How long a new VolumeSnapshot may take to become readyToUse (VolSync does not wait at all). */
    static final Duration SNAPSHOT_READY_TIMEOUT = Duration.ofMinutes(10);
    static final String MOVER_MOUNT = "/mover/data";
    private final KubernetesClient client;
    private final String namespace;
    private final ReplicatorConfig config;
    private final StatusWriter status;
    private final String podName;

    KubernetesVolumes(KubernetesClient client, String namespace, ReplicatorConfig config, StatusWriter status,
                      Map<String, String> env) {
        this.client = client;
        this.namespace = namespace;
        this.config = config;
        this.status = status;
        this.podName = env.getOrDefault("POD_NAME", env.get("HOSTNAME"));
    }

    UnaryOperator<JobReport> images() {
        DestinationSnapshots snapshots = new DestinationSnapshots(client);
        return r -> {
            VolumeDestinationJobConfig d = config.volumeDestinations().get(r.job());
            VolumeDestinationJobConfig.Image image = d == null ? null : d.image();
            if (image == null || image.pvc() == null || !r.mode().equals("sync")) {
                return r; // a dry run or check changed nothing: no new image
            }
            JobResource res = JobResource.ofJob(JobKind.VOLUME_DESTINATION, namespace, d.name());
            try {
                if (image.copyMethod() == VolumeDestinationJobConfig.CopyMethod.DIRECT) {
                    status.setLatestImage(res, null, "PersistentVolumeClaim", image.pvc());
                    return r;
                }
                String name = snapshots.take(namespace, image.pvc(), image.volumeSnapshotClassName(), Instant.now(),
                        SNAPSHOT_READY_TIMEOUT);
                List<String> pruned = snapshots.prune(namespace, image.pvc(), image.retain());
                status.setLatestImage(res, "snapshot.storage.k8s.io", "VolumeSnapshot", name);
                return r.withLine("latest image: VolumeSnapshot " + name + " (ready)"
                        + (pruned.isEmpty() ? "" : "; deleted older snapshots " + pruned));
            } catch (RuntimeException e) {
                // the data arrived, but the job's contract (a point-in-time image) is not met
                String why = "snapshot of PVC " + namespace + "/" + image.pvc() + " failed: " + e.getMessage();
                return r.failed(why);
            }
        };
    }

    /** Direct runs in this process; Clone and Snapshot run their sync in a mover Job. */
    UnaryOperator<VolumeSourceRunner> sources() {
        return direct -> (job, ticker) -> job.copyMethod() == VolumeSourceJobConfig.CopyMethod.DIRECT
                ? direct.run(job, ticker) : viaMover(job);
    }

    private JobReport viaMover(VolumeSourceJobConfig job) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        MoverResult m;
        try {
            m = new SourceCopyFlow(client).run(copyRequest(job), moverRequest(job, ownPodSpec()));
        } catch (RuntimeException e) {
            m = new MoverResult(MoverResult.Outcome.FAILED, e.getMessage(), List.of());
        }
        List<String> lines = new ArrayList<>();
        lines.add(job.copyMethod() + " of PVC " + namespace + "/" + job.pointInTime().sourcePvc() + " synced by mover Job: "
                + m.outcome() + (m.message() == null ? "" : " (" + m.message() + ")"));
        m.logTail().forEach(l -> lines.add("mover: " + l));
        // A check that found differences exits 3, which fails the Job: its summary line tells it apart.
        boolean differences = job.mode() == VolumeSourceJobConfig.Mode.CHECK && !m.succeeded()
                && m.logTail().stream().anyMatch(l -> l.contains("[check] " + JobOutcome.DIFFERENCES));
        JobOutcome outcome = m.succeeded() ? JobOutcome.SUCCEEDED : differences ? JobOutcome.DIFFERENCES : JobOutcome.FAILED;
        return JobReport.of(job.name(), JobKind.VOLUME_SOURCE, job.modeName()).outcome(outcome).started(started)
                .duration(Duration.ofNanos(System.nanoTime() - t0)).lines(lines)
                .error(outcome != JobOutcome.FAILED ? null : "mover " + m.outcome() + ": " + m.message()).build();
    }

    private SourceCopyRequest copyRequest(VolumeSourceJobConfig job) {
        VolumeSourceJobConfig.PointInTime p = job.pointInTime();
        return new SourceCopyRequest(namespace, job.name(), p.sourcePvc(),
                job.copyMethod() == VolumeSourceJobConfig.CopyMethod.CLONE ? SourceCopyRequest.Method.CLONE
                        : SourceCopyRequest.Method.SNAPSHOT,
                p.storageClassName(), p.volumeSnapshotClassName(), p.capacity(), p.accessModes(), SNAPSHOT_READY_TIMEOUT);
    }

    /** The mover is this pod's container with the copy mounted: same image, config, Secrets, service account. */
    private MoverJobRequest moverRequest(VolumeSourceJobConfig job, PodSpec base) {
        List<String> args = new ArrayList<>(base.getContainers().get(0).getArgs() == null ? List.of()
                : base.getContainers().get(0).getArgs());
        args.addAll(List.of("--once", job.name(), "--from-path", MOVER_MOUNT));
        switch (job.mode()) {
            case DRY_RUN -> args.add("--dry-run"); // the destination refuses every write of such a session
            case CHECK -> args.add("--check");
            case SYNC -> { }
        }
        return MoverJobRequest.builder(namespace, job.name(), base, MOVER_MOUNT).args(args).timeout(job.timeouts().sync())
                .ttlAfterFinished(Duration.ofHours(1)).build();
    }

    private PodSpec ownPodSpec() {
        if (podName == null) {
            throw new IllegalStateException("cannot build the mover Job: POD_NAME (downward API) is not set");
        }
        Pod self = client.pods().inNamespace(namespace).withName(podName).get();
        if (self == null) {
            throw new IllegalStateException("cannot build the mover Job: pod " + namespace + "/" + podName + " not found");
        }
        return self.getSpec();
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the mover Job of a {@link MoverJobRequest} from a copy of its base pod spec. */
final class MoverJobSpec {
    /** The pod volume that carries the temporary PVC. */
    static final String DATA_VOLUME = "mover-data";

    private MoverJobSpec() {
    }

    static Job build(MoverJobRequest req, String jobName) {
        if (req.claimName() == null) {
            throw new IllegalArgumentException("mover Job " + req.namespace() + "/" + jobName + " has no PVC to mount");
        }
        PodSpec pod = new PodSpecBuilder(req.base()).build(); // a copy: the caller's spec stays as it was
        Container mover = container(pod, req.containerName(), req.namespace() + "/" + jobName);
        // The mover runs once and serves nothing: probes of the long-running app would kill it, and
        // other containers (sidecars) would keep the pod, and so the Job, from completing.
        mover.setLivenessProbe(null);
        mover.setReadinessProbe(null);
        mover.setStartupProbe(null);
        mover.setPorts(new ArrayList<>());
        mover.setArgs(new ArrayList<>(req.args()));
        mover.setEnv(OneShotJvmOptions.appendTo(withEnv(mover.getEnv(), req.env())));
        List<VolumeMount> mounts = new ArrayList<>(mover.getVolumeMounts() == null ? List.of() : mover.getVolumeMounts());
        mounts.removeIf(m -> DATA_VOLUME.equals(m.getName()) || req.mountPath().equals(m.getMountPath()));
        mounts.add(new VolumeMountBuilder().withName(DATA_VOLUME).withMountPath(req.mountPath()).build());
        mover.setVolumeMounts(mounts);
        pod.setContainers(new ArrayList<>(List.of(mover)));
        List<Volume> volumes = new ArrayList<>(pod.getVolumes() == null ? List.of() : pod.getVolumes());
        volumes.removeIf(v -> DATA_VOLUME.equals(v.getName()));
        volumes.add(new VolumeBuilder().withName(DATA_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(req.claimName()).endPersistentVolumeClaim().build());
        pod.setVolumes(volumes);
        pod.setRestartPolicy("Never");
        pod.setNodeName(null); // a node copied from the app's own pod would bypass scheduling and volume binding

        Map<String, String> labels = ReplicatorLabels.temporaryFor(req.job());
        return new JobBuilder()
                .withNewMetadata().withName(jobName).withNamespace(req.namespace()).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(0) // no retries here: the next scheduled sync is the retry
                // The cluster stops the mover at our timeout even if this process is gone by then.
                .withActiveDeadlineSeconds(Math.max(1, (req.timeout().toMillis() + 999) / 1000))
                .withTtlSecondsAfterFinished((int) Math.max(0, req.ttlAfterFinished().toSeconds()))
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withSpec(pod).endTemplate()
                .endSpec().build();
    }

    private static Container container(PodSpec pod, String name, String where) {
        List<Container> containers = pod.getContainers();
        if (containers == null || containers.isEmpty()) {
            throw new IllegalArgumentException("base pod spec for mover Job " + where + " has no containers");
        }
        if (name == null) {
            return containers.get(0);
        }
        return containers.stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("base pod spec for mover Job " + where
                        + " has no container '" + name + "' (has " + containers.stream().map(Container::getName).toList() + ")"));
    }

    private static List<EnvVar> withEnv(List<EnvVar> base, Map<String, String> extra) {
        List<EnvVar> env = new ArrayList<>(base == null ? List.of() : base);
        env.removeIf(v -> extra.containsKey(v.getName()));
        extra.forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
        return env;
    }
}

package io.replicator.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.replicator.config.JobKind;
import io.replicator.jobs.KeyLoader;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.KeySource;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.kube.JobResource;
import io.replicator.kube.JobSpecs;
import io.replicator.kube.JobStatusListener;
import io.replicator.kube.KeySecrets;
import io.replicator.kube.ResourceMirror;
import io.replicator.kube.StatusWriter;
import io.replicator.psk.PskKeyFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes side of the application (replicator.kubernetes.enabled): one resource per job,
 * created if missing, whose status follows every sync; PSKs from Secrets (generated for a
 * destination that names none). Manual triggers, paused and leader election: {@link KubernetesTriggers}.
 */
final class KubernetesLayer implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final ReplicatorConfig config;
    private final StatusWriter status;
    private final Map<JobResource, OwnerReference> owners = new HashMap<>();
    private final Set<JobResource> paused = ConcurrentHashMap.newKeySet();
    private final JobStatusListener listener;

    KubernetesLayer(KubernetesClient client, String namespace, ReplicatorConfig config) {
        this.client = client;
        this.namespace = namespace;
        this.config = config;
        this.status = new StatusWriter(client);
        this.listener = new JobStatusListener(status, namespace, this::nextSync);
    }

    /** The in-cluster client (or ~/.kube/config); the namespace from configuration, POD_NAMESPACE or the client. */
    static KubernetesLayer connect(ReplicatorConfig config, Map<String, String> env) {
        KubernetesClient client = new KubernetesClientBuilder().build();
        String ns = Optional.ofNullable(config.settings().kubernetes().namespace())
                .or(() -> Optional.ofNullable(env.get("POD_NAMESPACE")))
                .or(() -> Optional.ofNullable(client.getNamespace()))
                .orElse("default");
        return new KubernetesLayer(client, ns, config);
    }

    KubernetesClient client() {
        return client;
    }

    String namespace() {
        return namespace;
    }

    JobStatusListener listener() {
        return listener;
    }

    StatusWriter status() {
        return status;
    }

    /** Creates or updates the resource of every configured job (before anything runs). */
    void mirrorJobs() {
        ResourceMirror mirror = new ResourceMirror(client);
        for (BucketSyncJobConfig j : config.bucketSyncJobs().values()) {
            remember(mirror.ensure(listener.resourceOf(JobKind.BUCKET_SYNC, j.name()), JobSpecs.bucketSync(j)));
        }
        for (VolumeSourceJobConfig j : config.volumeSources().values()) {
            remember(mirror.ensure(listener.resourceOf(JobKind.VOLUME_SOURCE, j.name()),
                    JobSpecs.replicationSource(j, j.key().isFile() ? null : j.key().secret())));
        }
        for (VolumeDestinationJobConfig j : config.volumeDestinations().values()) {
            JobResource r = listener.resourceOf(JobKind.VOLUME_DESTINATION, j.name());
            remember(mirror.ensure(r, JobSpecs.replicationDestination(j, j.key().isFile() ? null : j.key().secret())));
            if (!j.key().isFile()) {
                status.setKeySecret(r, j.key().secret());
            }
            if (j.serviceAddress() != null) {
                status.setAddress(r, j.serviceAddress(), j.port());
            }
        }
    }

    private void remember(HasMetadata resource) {
        JobResource r = new JobResource(resource.getKind(), namespace, resource.getMetadata().getName());
        owners.put(r, new OwnerReferenceBuilder().withApiVersion(JobResource.API_VERSION).withKind(resource.getKind())
                .withName(resource.getMetadata().getName()).withUid(resource.getMetadata().getUid()).build());
    }

    /** A key file is read from disk; a Secret through the API, a destination's generated one created if missing. */
    KeyLoader keys() {
        KeySecrets secrets = new KeySecrets(client);
        return key -> {
            if (key.isFile()) {
                return PskKeyFile.parse(key.file());
            }
            String text = generatedFor(key).map(job -> secrets.ensure(namespace, key.secret(),
                            owners.get(listener.resourceOf(JobKind.VOLUME_DESTINATION, job))))
                    .orElseGet(() -> secrets.read(namespace, key.secret()));
            return PskKeyFile.parse("Secret " + namespace + "/" + key.secret(), text.getBytes(StandardCharsets.UTF_8));
        };
    }

    private Optional<String> generatedFor(KeySource key) {
        return config.volumeDestinations().values().stream()
                .filter(d -> key.equals(d.key()) && key.secret().equals(KeySource.generatedSecretName(d.name())))
                .map(VolumeDestinationJobConfig::name).findFirst();
    }

    /** status.lastManualSync as the API server has it now, or null. */
    String lastManualSync(JobResource r) {
        return r.lastManualSync(client);
    }

    void setPaused(JobResource r, boolean isPaused) {
        if (isPaused) {
            paused.add(r);
        } else {
            paused.remove(r);
        }
    }

    boolean isPaused(JobResource r) {
        return paused.contains(r);
    }

    /** nextSyncTime: the schedule's next slot, none while paused or for a destination. */
    private Instant nextSync(JobResource r) {
        if (paused.contains(r) || r.kind().equals(JobResource.REPLICATION_DESTINATION)) {
            return null;
        }
        return config.scheduleOf(r.name()).flatMap(s -> s.nextAfter(Instant.now())).orElse(null);
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.replicator.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the temporary PVC a source sync's mover reads from: a clone of the source PVC, or a PVC
 * restored from a fresh VolumeSnapshot of it (as VolSync does, but waiting for readyToUse). The PVC
 * is not waited for: with WaitForFirstConsumer storage classes it binds only once the mover pod runs.
 */
public final class SourceVolumeCopy {
    private static final Logger LOG = LoggerFactory.getLogger(SourceVolumeCopy.class);
    private final KubernetesClient client;

    public SourceVolumeCopy(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Creates the temporaries (labelled for {@link TemporaryResources}) and returns the PVC's name.
     * When it fails (snapshot error or not ready in time: {@link KubeResourceException} /
     * {@link ReadyTimeoutException}) what it made so far is left for the cleanup.
     */
    public String prepare(SourceCopyRequest req) {
        String ns = req.namespace();
        PersistentVolumeClaim source = client.persistentVolumeClaims().inNamespace(ns).withName(req.sourcePvc()).get();
        if (source == null) {
            throw new KubeResourceException("source PVC " + ns + "/" + req.sourcePvc() + " not found");
        }
        PersistentVolumeClaimSpec sourceSpec = source.getSpec();
        if ("Block".equals(sourceSpec.getVolumeMode())) {
            throw new KubeResourceException("source PVC " + ns + "/" + req.sourcePvc()
                    + " has volumeMode Block; only Filesystem volumes can be replicated");
        }
        String name = TemporaryNames.sourceCopy(req.job());
        Quantity size = req.capacity() != null ? new Quantity(req.capacity()) : sourceSize(source);
        TypedLocalObjectReference dataSource;
        if (req.method() == SourceCopyRequest.Method.CLONE) {
            dataSource = new TypedLocalObjectReferenceBuilder().withKind("PersistentVolumeClaim")
                    .withName(req.sourcePvc()).build();
        } else {
            VolumeSnapshots.api(client).inNamespace(ns).resource(VolumeSnapshots.of(ns, name, req.sourcePvc(),
                    req.volumeSnapshotClassName(), ReplicatorLabels.temporaryFor(req.job()))).create();
            GenericKubernetesResource ready = VolumeSnapshots.awaitReady(client, ns, name, req.readyTimeout());
            if (req.capacity() == null) {
                size = largest(size, quantity(VolumeSnapshots.field(ready, "status", "restoreSize")));
            }
            dataSource = new TypedLocalObjectReferenceBuilder().withApiGroup(VolumeSnapshots.API_GROUP)
                    .withKind(VolumeSnapshots.KIND).withName(name).build();
        }
        PersistentVolumeClaim copy = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withNamespace(ns)
                .withLabels(ReplicatorLabels.temporaryFor(req.job())).endMetadata()
                .withNewSpec()
                .withAccessModes(req.accessModes().isEmpty() ? sourceSpec.getAccessModes() : req.accessModes())
                // CSI clones must stay in the source's storage class; a restore usually wants it too.
                .withStorageClassName(req.storageClassName() != null ? req.storageClassName() : sourceSpec.getStorageClassName())
                .withNewResources().addToRequests("storage", size).endResources()
                .withDataSource(dataSource)
                .endSpec().build();
        client.persistentVolumeClaims().inNamespace(ns).resource(copy).create();
        LOG.info("Created PVC {}/{} ({} of PVC {}, {})", ns, name, req.method(), req.sourcePvc(), size);
        return name;
    }

    /** The larger of the requested size and the provisioned capacity: a clone must not be smaller. */
    private static Quantity sourceSize(PersistentVolumeClaim source) {
        Quantity requested = source.getSpec().getResources() == null || source.getSpec().getResources().getRequests() == null
                ? null : source.getSpec().getResources().getRequests().get("storage");
        Quantity provisioned = source.getStatus() == null || source.getStatus().getCapacity() == null
                ? null : source.getStatus().getCapacity().get("storage");
        Quantity size = largest(requested, provisioned);
        if (size == null) {
            throw new KubeResourceException("source PVC " + source.getMetadata().getNamespace() + "/"
                    + source.getMetadata().getName() + " has no storage request; set the capacity of the copy");
        }
        return size;
    }

    private static Quantity largest(Quantity... sizes) {
        return Stream.of(sizes).filter(Objects::nonNull)
                .max(Comparator.comparing(Quantity::getNumericalAmount)).orElse(null);
    }

    private static Quantity quantity(Object value) {
        return value == null ? null : new Quantity(value.toString());
    }
}

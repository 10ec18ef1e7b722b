package io.replicator.kube;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;

/** The pod spec an application pod would hand to a mover: its own, with probes, ports and a sidecar. */
final class MoverFixtures {
    private MoverFixtures() {
    }

    static PodSpec appPodSpec() {
        return new PodSpecBuilder().withServiceAccountName("camel-replicator").withNodeName("node-7")
                .withNewSecurityContext().withRunAsNonRoot(true).endSecurityContext()
                .addNewContainer().withName("replicator").withImage("ghcr.io/example/camel-replicator:1.0")
                .addNewEnv().withName("JAVA_OPTS").withValue("-Xmx256m").endEnv()
                .addNewEnv().withName("REPLICATOR_KUBERNETES_ENABLED").withValue("true").endEnv()
                .withNewLivenessProbe().withNewHttpGet().withPath("/observe/health/live").withPort(new IntOrString(9876))
                .endHttpGet().endLivenessProbe()
                .withNewReadinessProbe().withNewHttpGet().withPath("/observe/health/ready").withPort(new IntOrString(9876))
                .endHttpGet().endReadinessProbe()
                .addNewPort().withContainerPort(8000).endPort()
                .addNewVolumeMount().withName("config").withMountPath("/config").endVolumeMount()
                .endContainer()
                .addNewContainer().withName("proxy").withImage("example/sidecar:1").endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("replicator-config").endConfigMap().endVolume()
                .build();
    }
}

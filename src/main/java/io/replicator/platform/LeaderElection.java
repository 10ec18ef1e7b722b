package io.replicator.platform;

import io.replicator.kube.LeaderElectionSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * Runs each scheduled job on one replica only: routes consume from {@link #guarded(String, String)} URIs (Camel's
 * master component), which start their consumer only on the replica that leads the route's lock namespace. Leaders
 * are recorded in one Kubernetes Lease per lock namespace, {@code <leasePrefix>-<lockNamespace>}. A leader keeps its
 * Lease while its Pod is Running and Ready; when the Pod leaves that set (deleted, crashed, not ready) another
 * replica takes the Lease over and, after the lease duration, starts the route. The Lease is not released on a
 * clean shutdown: the job moves when the Pod is gone.
 * The {@code master} component registered here processes a consumer's exchanges only while the replica leads (see
 * {@link LeaderCheckingMasterComponent}).
 */
public final class LeaderElection {
    /** Lock namespaces end up in Lease names after the prefix (at most 62 + 1): 253 characters in all. */
    private static final int MAX_LOCK_NAMESPACE = 190;

    private LeaderElection() {
    }

    /**
     * Registers a {@link KubernetesClusterService} on the context for the master component to find. Must run before
     * the context starts (master endpoints look the service up when they are created; a {@code camel.beans.*} bean is
     * not found). The service uses clients of its own built from {@code client}'s configuration (same API server,
     * credentials and TLS), because Camel closes the client of a cluster view when the view stops.
     */
    public static KubernetesClusterService install(CamelContext ctx, KubernetesClient client, LeaderElectionSettings s) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(s, "settings");
        if (ctx.isStarted() || ctx.isStarting()) {
            throw new IllegalStateException("leader election must be installed before CamelContext " + ctx.getName()
                    + " starts");
        }
        if (!ctx.hasServices(CamelClusterService.class).isEmpty()) {
            throw new IllegalStateException("CamelContext " + ctx.getName() + " already has a cluster service");
        }
        KubernetesClusterService service =
                new KubernetesClusterService(new LeaderElectionClientConfiguration(client.getConfiguration()));
        service.setId("kubernetes-leases");
        service.setLeaseResourceType(LeaseResourceType.Lease);
        // Lease and Pods namespace; setKubernetesNamespace would only set the (unused) client namespace.
        service.setKubernetesResourcesNamespace(s.namespace());
        service.setKubernetesResourceName(s.leasePrefix());
        service.setPodName(s.podName());
        service.setClusterLabels(s.podLabels());
        service.setJitterFactor(LeaderElectionSettings.JITTER_FACTOR);
        service.setLeaseDurationMillis(s.leaseDuration().toMillis());
        service.setRenewDeadlineMillis(s.renewDeadline().toMillis());
        service.setRetryPeriodMillis(s.retryPeriod().toMillis());
        // Our master component checks leadership on every exchange, see LeaderCheckingMasterComponent.
        LeaderCheckingMasterComponent master = new LeaderCheckingMasterComponent();
        master.setService(service);
        try {
            ctx.addService(service);
            ctx.addComponent("master", master);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register leader election on CamelContext " + ctx.getName()
                    + ": " + e.getMessage(), e);
        }
        return service;
    }

    /**
     * The master-guarded form of a consumer URI: {@code master:<lockNamespace>:<consumerUri>}. One lock namespace per
     * job (e.g. {@code bucket-sync-<job>}) so that jobs are led independently. The consumer's query parameters stay
     * with it (the master component passes them on to the delegate endpoint).
     */
    public static String guarded(String lockNamespace, String consumerUri) {
        LeaderElectionSettings.requireName("lock namespace", lockNamespace, MAX_LOCK_NAMESPACE);
        if (consumerUri == null || consumerUri.isBlank()) {
            throw new IllegalArgumentException("leader election: no consumer URI to guard for " + lockNamespace);
        }
        return "master:" + lockNamespace + ":" + consumerUri;
    }
}

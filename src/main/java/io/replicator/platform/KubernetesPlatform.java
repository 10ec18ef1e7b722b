package io.replicator.platform;

import io.replicator.cli.CliArgs;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobListener;
import io.replicator.kube.LeaderElectionSettings;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;

/**
 * What replicator.kubernetes.enabled switches on, in camel-main's order: resources and key Secrets
 * before the beans, leader election before the routes, triggers once Camel runs. A --once run (a
 * mover Job, a sync-now Job) only reads Secrets: the service owns status and schedules.
 */
public final class KubernetesPlatform implements Platform {
    /** The label the Deployment gives its pods: the only candidates for leadership (not mover pods). */
    public static final Map<String, String> CANDIDATE_LABELS = Map.of("app.kubernetes.io/name", "camel-replicator");
    private final KubernetesLayer layer;
    private final ReplicatorConfig config;
    private final Map<String, String> env;
    private final boolean service;
    private CamelClusterService leaders;
    private KubernetesTriggers triggers;

    private KubernetesPlatform(KubernetesLayer layer, ReplicatorConfig config, Map<String, String> env, boolean service) {
        this.layer = layer;
        this.config = config;
        this.env = env;
        this.service = service;
    }

    static KubernetesPlatform connect(ReplicatorConfig config, CliArgs cli, Map<String, String> env) {
        KubernetesLayer layer = KubernetesLayer.connect(config, env);
        boolean service = cli.command() == CliArgs.Command.SERVICE;
        if (service) {
            layer.mirrorJobs();
        }
        return new KubernetesPlatform(layer, config, env, service);
    }

    KubernetesLayer layer() {
        return layer;
    }

    /** Keys from Secrets and mover Jobs always; status and destination images only in the service. */
    @Override
    public PlatformHooks hooks() {
        KubernetesVolumes volumes = new KubernetesVolumes(layer.client(), layer.namespace(), config, layer.status(), env);
        if (!service) {
            // a sync-now Job of a Clone/Snapshot source starts a mover like the service does
            return new PlatformHooks(layer.keys(), JobListener.NONE, layer.namespace(), UnaryOperator.identity(),
                    volumes.sources());
        }
        return new PlatformHooks(layer.keys(), layer.listener(), layer.namespace(), volumes.images(), volumes.sources());
    }

    /** Registers the Lease-based cluster service; before the context starts. */
    @Override
    public void installLeaderElection(CamelContext ctx) {
        if (service && config.settings().kubernetes().leaderElection()) {
            LeaderElectionSettings s = LeaderElectionSettings.fromEnvironment(env, layer.namespace())
                    .withPodLabels(CANDIDATE_LABELS);
            leaders = LeaderElection.install(ctx, layer.client(), s);
        }
    }

    /** The scheduled route's consumer prefix: a master endpoint per job when replicas elect leaders. */
    @Override
    public String leaderPrefix(String routeId) {
        // the template appends quartz://...: master:<lock>:quartz://... (LeaderElection.guarded's form)
        return leaders == null ? "" : "master:" + routeId + ":";
    }

    @Override
    public void startTriggers(CamelContext ctx, JobGuard guard) {
        if (service) {
            triggers = new KubernetesTriggers(ctx, layer, guard, leaders == null ? KubernetesTriggers.Leadership.ALWAYS
                    : new LeaseLeadership(leaders));
            triggers.start();
        }
    }

    @Override
    public void close() {
        if (triggers != null) {
            triggers.close();
        }
        layer.close();
    }

    /** Leadership from the Lease-based cluster service: one view (lock) per job. */
    private record LeaseLeadership(CamelClusterService service) implements KubernetesTriggers.Leadership {
        @Override
        public boolean leads(String lock) {
            return service.isLeader(lock);
        }

        @Override
        public void onLeading(String lock, Runnable then) {
            try {
                service.getView(lock).addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
                    if (leader != null && leader.isLocal()) {
                        then.run();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("cannot watch the leadership of " + lock + ": " + e.getMessage(), e);
            }
        }
    }
}

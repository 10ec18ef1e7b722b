package io.replicator.platform;

import io.replicator.cli.CliArgs;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.JobGuard;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * The platform the application runs on, in camel-main's order: its hooks before the beans, leader
 * election before the routes, triggers once Camel runs, closed when Camel stops. Plain files and
 * logs ({@link LocalPlatform}) unless replicator.kubernetes.enabled ({@link KubernetesPlatform}).
 */
public interface Platform extends AutoCloseable {

    static Platform connect(ReplicatorConfig config, CliArgs cli, Map<String, String> env) {
        return config.settings().kubernetes().enabled() ? KubernetesPlatform.connect(config, cli, env) : new LocalPlatform();
    }

    /** Keys, job listener, metrics namespace, destination images and volume-source wrapping. */
    PlatformHooks hooks();

    /** Before the routes are added: lets replicas elect a leader per job. */
    void installLeaderElection(CamelContext ctx);

    /** The scheduled route's consumer prefix ("" unless replicas elect leaders). */
    String leaderPrefix(String routeId);

    /** Once Camel runs: starts the triggers the platform offers besides the schedules. */
    void startTriggers(CamelContext ctx, JobGuard guard);

    @Override
    void close();
}

package io.replicator.camel;

import io.replicator.config.JobKind;
import io.replicator.platform.Platform;
import io.replicator.cli.CliArgs;
import io.replicator.camel.routes.ScheduleRoutes;
import io.replicator.demo.DemoRunner;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.CronSchedule;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import io.replicator.config.ReplicatorConfig;
import io.replicator.camel.health.S3EndpointsHealthCheck;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** Hooks the replicator into camel-main's lifecycle: beans, one route per job, health, run modes. */
public final class ReplicatorSetup extends MainListenerSupport {
    private final Main main;
    private final ReplicatorConfig config;
    private final CliArgs cli;
    private final Map<String, String> env;
    private final AtomicInteger exitCode;
    private MeterRegistry prometheus;
    private ReplicatorBeans beans;
    private Platform platform;

    public ReplicatorSetup(Main main, ReplicatorConfig config, CliArgs cli, Map<String, String> env, AtomicInteger exitCode) {
        this.env = env;
        this.main = main;
        this.config = config;
        this.cli = cli;
        this.exitCode = exitCode;
    }

    @Override
    public void beforeConfigure(BaseMainSupport m) {
        platform = Platform.connect(config, cli, env);
        beans = new ReplicatorBeans(config, platform.hooks());
        m.configure().addConfiguration(beans);
    }

    @Override
    public void afterConfigure(BaseMainSupport m) {
        CamelContext ctx = m.getCamelContext();
        if (cli.command() == CliArgs.Command.SERVICE) {
            ManagementPort.verifyBindable(m.configure().httpManagementServer());
        }
        HealthCheckRegistry.get(ctx).register(new S3EndpointsHealthCheck(config.remotes().values()));
        if (cli.command() == CliArgs.Command.ONCE) {
            return; // --once runs one job directly: no schedules
        }
        if (config.settings().demo()) {
            // The demo's runs and a schedule firing meanwhile would collide (one run per job):
            // the scheduler starts when the demo ends.
            ctx.getComponent("quartz", QuartzComponent.class).setAutoStartScheduler(false);
        }
        platform.installLeaderElection(ctx);
        for (BucketSyncJobConfig job : config.bucketSyncJobs().values()) {
            addScheduledRoute(ctx, JobKind.BUCKET_SYNC, job.name(), job.schedule());
        }
        for (VolumeSourceJobConfig job : config.volumeSources().values()) {
            addScheduledRoute(ctx, JobKind.VOLUME_SOURCE, job.name(), job.schedule());
        }
        for (VolumeDestinationJobConfig job : config.volumeDestinations().values()) {
            ScheduleRoutes.addRoute(ctx, JobKind.VOLUME_DESTINATION, JobKind.VOLUME_DESTINATION.spelling() + "-" + job.name(), Map.of("job", job.name(),
                    "bindAddress", job.bindAddress(), "port", String.valueOf(job.port())));
        }
    }

    @Override
    public void afterStart(BaseMainSupport m) {
        CamelContext ctx = m.getCamelContext();
        // Engines register meters (e.g. PSK failures) in Micrometer's global registry: publish them too.
        prometheus = ReplicatorBeans.meterRegistry(ctx);
        if (prometheus != Metrics.globalRegistry) {
            Metrics.addRegistry(prometheus);
        }
        boolean scheduled = !config.bucketSyncJobs().isEmpty() || !config.volumeSources().isEmpty();
        if (scheduled && cli.command() == CliArgs.Command.SERVICE) {
            QuartzComponent quartz = ctx.getComponent("quartz", QuartzComponent.class);
            MissedIntervalListener.install(quartz, beans.jobMetrics());
        }
        if (cli.command() == CliArgs.Command.ONCE) {
            String job = cli.job().orElseThrow();
            exitCode.set(new OnceRunner(ctx).run(config.kindOf(job).orElseThrow(), job, cli.runMode(),
                    cli.allowEmptySource()));
            main.completed();
        } else {
            platform.startTriggers(ctx, beans.guard());
        }
        if (cli.command() != CliArgs.Command.ONCE && config.settings().demo()) {
            Thread demo = new Thread(() -> {
                new DemoRunner(ctx, config).run();
                startScheduler(ctx);
            }, "replicator-demo");
            demo.setDaemon(true);
            demo.start();
        }
    }

    @Override
    public void afterStop(BaseMainSupport m) {
        if (platform != null) {
            platform.close();
        }
        if (prometheus != null && prometheus != Metrics.globalRegistry) {
            Metrics.removeRegistry(prometheus);
        }
    }

    private static void startScheduler(CamelContext ctx) {
        try {
            ctx.getComponent("quartz", QuartzComponent.class).getScheduler().start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the job scheduler: " + e.getMessage(), e);
        }
    }

    private void addScheduledRoute(CamelContext ctx, JobKind kind, String job, CronSchedule schedule) {
        String leader = platform.leaderPrefix(kind + "-" + job);
        ScheduleRoutes.add(ctx, kind, job, schedule, leader);
    }
}

package io.replicator.camel;

import io.replicator.platform.PlatformHooks;
import io.replicator.camel.routes.ScheduledSlots;
import io.replicator.demo.EmbeddedServices;
import io.replicator.jobs.VolumeSourceJobRunner;
import io.replicator.jobs.S3SyncJobRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.replicator.config.RemoteConfig;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeDestinationJobConfig;
import io.replicator.processors.VolumeDestinationProcessor;
import io.replicator.processors.VolumeServerInitializerFactory;
import io.replicator.processors.VolumeSourceProcessor;
import io.replicator.psk.PskKeyRing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import io.replicator.psk.PskSettings;
import io.replicator.volume.DestinationContext;
import io.replicator.volume.DestinationJob;
import io.replicator.volume.VolumeDeleteLimits;
import java.time.Duration;
import io.replicator.s3sync.S3ClientFactory;
import io.replicator.s3sync.S3Remote;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import io.replicator.jobs.BucketSyncRunner;
import io.replicator.jobs.JobGuard;
import io.replicator.processors.DestinationImageProcessor;
import io.replicator.jobs.JobMetrics;
import io.replicator.jobs.LocalStatusFile;
import io.replicator.jobs.ProgressTicker;
import io.replicator.processors.BucketSyncProcessor;
import io.replicator.processors.JobReportProcessor;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The registry beans the routes refer to by name; built from the validated configuration. */
final class ReplicatorBeans implements CamelConfiguration {
    private final ReplicatorConfig config;
    private final JobGuard guard;
    private final ProgressTicker ticker;
    private final PlatformHooks hooks;
    private CamelContext context;
    private JobMetrics metrics;

    ReplicatorBeans(ReplicatorConfig config, PlatformHooks hooks) {
        this.config = config;
        this.hooks = hooks;
        this.guard = new JobGuard(hooks.listener());
        this.ticker = new ProgressTicker(config.settings().progressInterval());
    }

    @Override
    public void configure(CamelContext ctx) throws Exception {
        this.context = ctx;
        ctx.addService(ticker, true, true);
        CloseOnStop.register(ctx, EmbeddedServices.startIfEnabled(config.settings().embeddedS3()).stream().toList());
        bindS3Clients(ctx);
        bindVolumeDestinations(ctx);
    }

    /**
     * Per destination job: the camel-netty pipeline factory (volumeServer-&lt;job&gt;) and the processor
     * of its session reports; one DestinationContext serves them all and is closed with Camel.
     */
    private void bindVolumeDestinations(CamelContext ctx) throws Exception {
        if (config.volumeDestinations().isEmpty()) {
            return;
        }
        Map<String, PskKeyRing> rings = new LinkedHashMap<>();
        List<DestinationJob> jobs = new ArrayList<>();
        Duration io = Duration.ZERO;
        for (VolumeDestinationJobConfig d : config.volumeDestinations().values()) {
            PskKeyRing ring = hooks.keys().load(d.key());
            rings.put(d.name(), ring);
            // The listener's key file is the job's: any of its identities (a key rollover) may sync this job.
            jobs.add(DestinationJob.of(d.name(), d.path(), null).withIdentities(Set.copyOf(ring.identities()))
                    .withDeleteLimits(VolumeSourceJobRunner.limits(d.maxDelete(), VolumeDeleteLimits.EmptySource.REFUSE)));
            io = io.compareTo(d.timeouts().idle()) > 0 ? io : d.timeouts().idle();
        }
        DestinationContext destination = new DestinationContext(jobs, io);
        for (VolumeDestinationJobConfig d : config.volumeDestinations().values()) {
            PskSettings psk = PskSettings.defaults().withHandshakeTimeout(d.timeouts().handshake())
                    .withIdleTimeout(d.timeouts().idle());
            ctx.getRegistry().bind("volumeServer-" + d.name(),
                    new VolumeServerInitializerFactory(rings.get(d.name()), psk, destination));
            ctx.getRegistry().bind("volumeDestinationProcessor-" + d.name(), new VolumeDestinationProcessor(d.name()));
        }
        CloseOnStop.register(ctx, List.of(destination));
    }

    /** One S3Client bean per S3 remote, named s3-&lt;remote&gt;, for aws2-s3 endpoints; closed with Camel. */
    private void bindS3Clients(CamelContext ctx) throws Exception {
        List<S3Client> clients = new ArrayList<>();
        for (RemoteConfig r : config.remotes().values()) {
            if (r.type() == RemoteConfig.Type.S3) {
                S3Client client = S3ClientFactory.create((S3Remote) S3SyncJobRunner.remote(r));
                ctx.getRegistry().bind("s3-" + r.name(), S3Client.class, client);
                clients.add(client);
            }
        }
        CloseOnStop.register(ctx, clients);
    }

    JobGuard guard() {
        return guard;
    }

    @BindToRegistry("replicatorConfig")
    public ReplicatorConfig replicatorConfig() {
        return config;
    }

    @BindToRegistry("scheduledSlots")
    public ScheduledSlots scheduledSlots() {
        return new ScheduledSlots();
    }

    @BindToRegistry("bucketSyncProcessor")
    public BucketSyncProcessor bucketSyncProcessor() {
        BucketSyncRunner runner = new S3SyncJobRunner();
        return new BucketSyncProcessor(config, runner, guard, ticker);
    }

    @BindToRegistry("volumeSourceProcessor")
    public VolumeSourceProcessor volumeSourceProcessor() {
        return new VolumeSourceProcessor(config, hooks.sources().apply(new VolumeSourceJobRunner(PskSettings.defaults(), hooks.keys())), guard, ticker);
    }

    @BindToRegistry("destinationImageProcessor")
    public DestinationImageProcessor destinationImageProcessor() {
        return new DestinationImageProcessor(hooks.images());
    }

    @BindToRegistry("jobReportProcessor")
    public JobReportProcessor jobReportProcessor() {
        var statusFile = config.settings().statusFile();
        return new JobReportProcessor(this::jobMetrics,
                statusFile == null ? null : new LocalStatusFile(statusFile), hooks.listener());
    }

    /** One JobMetrics for the reports and the schedule's missed intervals (they share the out-of-sync gauge). */
    synchronized JobMetrics jobMetrics() {
        if (metrics == null) {
            // the metrics registry exists only once Camel has started
            metrics = new JobMetrics(meterRegistry(context), hooks.namespace());
        }
        return metrics;
    }

    /** camel-micrometer-prometheus binds its registry as "metricsRegistry"; fall back to the global one. */
    static MeterRegistry meterRegistry(CamelContext ctx) {
        MeterRegistry r = ctx == null ? null : ctx.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        return r != null ? r : Metrics.globalRegistry;
    }
}

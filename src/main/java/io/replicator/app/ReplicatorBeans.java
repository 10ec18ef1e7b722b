package io.replicator.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.BucketSyncRunner;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobMetrics;
import io.replicator.jobs.LocalStatusFile;
import io.replicator.jobs.ProgressTicker;
import io.replicator.processors.BucketSyncProcessor;
import io.replicator.processors.JobReportProcessor;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The registry beans the routes refer to by name; built from the validated configuration. */
public final class ReplicatorBeans implements CamelConfiguration {
    private final ReplicatorConfig config;
    private final JobGuard guard = new JobGuard();
    private final ProgressTicker ticker;
    private CamelContext context;

    public ReplicatorBeans(ReplicatorConfig config) {
        this.config = config;
        this.ticker = new ProgressTicker(config.settings().progressInterval());
    }

    @Override
    public void configure(CamelContext ctx) throws Exception {
        this.context = ctx;
        ctx.addService(ticker, true, true);
        EmbeddedServices.startIfEnabled(ctx, config.settings().embeddedS3());
    }

    @BindToRegistry("replicatorConfig")
    public ReplicatorConfig replicatorConfig() {
        return config;
    }

    @BindToRegistry("bucketSyncProcessor")
    public BucketSyncProcessor bucketSyncProcessor() {
        BucketSyncRunner runner = new S3SyncJobRunner();
        return new BucketSyncProcessor(config, runner, guard, ticker);
    }

    @BindToRegistry("jobReportProcessor")
    public JobReportProcessor jobReportProcessor() {
        var statusFile = config.settings().statusFile();
        return new JobReportProcessor(() -> new JobMetrics(meterRegistry(context)),
                statusFile == null ? null : new LocalStatusFile(statusFile));
    }

    /** camel-micrometer-prometheus binds its registry as "metricsRegistry"; fall back to the global one. */
    static MeterRegistry meterRegistry(CamelContext ctx) {
        MeterRegistry r = ctx == null ? null : ctx.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        return r != null ? r : Metrics.globalRegistry;
    }
}

package io.replicator.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.camel.routes.ScheduleRoutes;
import io.replicator.cli.ConfigLoader;
import io.replicator.config.BucketSyncJobConfig;
import io.replicator.config.JobKind;
import io.replicator.jobs.KeyLoader;
import io.replicator.platform.PlatformHooks;
import io.replicator.config.ReplicatorConfig;
import io.replicator.jobs.JobListener;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.processors.JobHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/**
 * Camel's own test kit on the packaged configuration (application.properties, the route templates
 * in routes/, the replicator's registry beans): a bucket-sync job between two local directories,
 * scheduled through the bucket-sync template. Quartz fires the schedule, the run copies the source
 * and the job-report route receives its report; a manual run while the scheduled one holds the job
 * is skipped. The scheduled run is held inside the job's lock by the platform listener (the hook the
 * Kubernetes status writer uses), with latches: no sleeps.
 */
@CamelMainTest(properties = {
        // a test must not take the service's management port; nothing here needs it
        "camel.management.enabled=false"})
class ScheduledRunRouteTest implements CamelContextAware {
    private static final long WAIT_SECONDS = 60; // a guard against a hung test, not a timing threshold
    private static final String JOB = "photos-copy";

    private final Path work = createTempDirectory();
    private final CountDownLatch scheduledRunHoldsTheJob = new CountDownLatch(1);
    private final CountDownLatch releaseScheduledRun = new CountDownLatch(1);
    private final List<JobReport> reports = new CopyOnWriteArrayList<>();
    private CamelContext context;

    /** The platform listener: holds the first run inside the job's lock and keeps every report. */
    private final JobListener holdingListener = new JobListener() {
        @Override
        public void started(JobKind kind, String job, String mode, Instant at) {
            scheduledRunHoldsTheJob.countDown();
            try {
                releaseScheduledRun.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void finished(JobReport report) {
            reports.add(report);
        }
    };

    @Configure
    protected void configure(MainConfigurationProperties configuration) throws IOException {
        Path photos = Files.createDirectories(work.resolve("source/photos"));
        Files.writeString(photos.resolve("a.txt"), "alpha");
        Files.writeString(Files.createDirectories(photos.resolve("2026")).resolve("b.txt"), "bravo!");
        Files.createDirectories(work.resolve("copy"));
        Path cfg = Files.writeString(work.resolve("replicator.properties"), String.join("\n",
                "replicator.remotes.src.type = local",
                "replicator.remotes.src.path = " + work.resolve("source"),
                "replicator.remotes.dst.type = local",
                "replicator.remotes.dst.path = " + work.resolve("copy"),
                "replicator.bucket-sync." + JOB + ".source = src",
                "replicator.bucket-sync." + JOB + ".destination = dst",
                "replicator.bucket-sync." + JOB + ".buckets = photos",
                "replicator.bucket-sync." + JOB + ".create-destination-bucket = true",
                "replicator.bucket-sync." + JOB + ".schedule = 0 3 * * *", ""));
        ReplicatorConfig config = ConfigLoader.load(Optional.of(cfg), Map.of()).config();
        PlatformHooks hooks = new PlatformHooks(KeyLoader.files(), holdingListener, "", UnaryOperator.identity(),
                UnaryOperator.identity());
        configuration.addConfiguration(new ReplicatorBeans(config, hooks));
        AtomicReference<CamelContext> configured = new AtomicReference<>();
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camelContext) {
                configured.set(camelContext);
            }
        });
        configuration.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                // as the service does once the templates are loaded: one Quartz route per job
                BucketSyncJobConfig job = config.bucketSyncJob(JOB).orElseThrow();
                ScheduleRoutes.add(configured.get(), JobKind.BUCKET_SYNC, job.name(), job.schedule(), "");
            }
        });
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @AfterEach
    void releaseAndCleanUp() throws IOException {
        releaseScheduledRun.countDown();
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void quartzFiresTheRunWhichIsReportedAndAConcurrentRunIsSkipped() throws Exception {
        NotifyBuilder scheduledRunReported = new NotifyBuilder(context).fromRoute("bucket-sync-" + JOB)
                .wereSentTo("direct:job-report").whenDone(1).create();
        Scheduler scheduler = context.getComponent("quartz", QuartzComponent.class).getScheduler();
        scheduler.triggerJob(scheduler.getTrigger(TriggerKey.triggerKey(JOB, "bucket-sync")).getJobKey());
        assertThat(scheduledRunHoldsTheJob.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the Quartz trigger started a run").isTrue();

        // a manual run of the same job while the scheduled one holds it
        JobReport skipped = context.createProducerTemplate()
                .requestBodyAndHeader("direct:bucket-sync-run", null, JobHeaders.JOB, JOB, JobReport.class);
        assertThat(skipped.outcome()).isEqualTo(JobOutcome.SKIPPED_ALREADY_RUNNING);
        assertThat(skipped.job()).isEqualTo(JOB);
        assertThat(skipped.error()).isEqualTo("a run of this job is still in progress");
        assertThat(work.resolve("copy/photos/a.txt")).as("the skipped run copied nothing").doesNotExist();

        releaseScheduledRun.countDown();
        assertThat(scheduledRunReported.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("the scheduled run was reported").isTrue();
        assertThat(reports).extracting(JobReport::outcome)
                .containsExactly(JobOutcome.SKIPPED_ALREADY_RUNNING, JobOutcome.SUCCEEDED);
        JobReport scheduled = reports.get(1);
        assertThat(scheduled.job()).isEqualTo(JOB);
        assertThat(scheduled.kind()).isEqualTo(JobKind.BUCKET_SYNC);
        assertThat(scheduled.mode()).isEqualTo("sync");
        assertThat(scheduled.error()).isNull();
        assertThat(scheduled.counters()).containsEntry("objects_copied", 2L).containsEntry("bytes_copied", 11L)
                .containsEntry("objects_failed", 0L).containsEntry("objects_deleted", 0L);
        assertThat(scheduled.lines()).anyMatch(l -> l.startsWith("photos: ") && l.contains("copied 2 (11 B)"));
        assertThat(work.resolve("copy/photos/a.txt")).hasContent("alpha");
        assertThat(work.resolve("copy/photos/2026/b.txt")).hasContent("bravo!");
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("scheduled-run-route");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

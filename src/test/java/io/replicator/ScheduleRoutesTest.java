package io.replicator;

import io.replicator.camel.routes.ScheduleRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.config.JobKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * A job scheduled on a day of the month OR a day of the week ({@code 0 5 1 * 1}), in the real
 * service: Quartz holds one trigger for each, each fires the job through its route, and a pause
 * would suspend both routes.
 */
class ScheduleRoutesTest {
    private static final long WAIT_SECONDS = 60; // a guard against a hung test, not a timing threshold
    private static final String JOB = "firsts-and-mondays";

    @Test
    void aDayOfMonthOrDayOfWeekJobIsScheduledAndRunByBothTriggers(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("replicator.properties"), String.join("\n",
                "replicator.remotes.a.endpoint = http://127.0.0.1:1",
                "replicator.remotes.a.access-key = AK",
                "replicator.remotes.a.secret-key = SK-a",
                "replicator.remotes.b.endpoint = http://127.0.0.1:1",
                "replicator.remotes.b.access-key = AK",
                "replicator.remotes.b.secret-key = SK-b",
                "replicator.bucket-sync." + JOB + ".source = a",
                "replicator.bucket-sync." + JOB + ".destination = b",
                "replicator.bucket-sync." + JOB + ".buckets = photos",
                "replicator.bucket-sync." + JOB + ".schedule = 0 5 1 * 1",
                "camel.management.enabled = false", ""));
        AtomicReference<Main> main = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return ReplicatorMain.run(new String[] {"--config", cfg.toString()}, Map.of(), print, print, m -> {
                    main.set(m);
                    m.addMainListener(new MainListenerSupport() {
                        @Override
                        public void afterStart(BaseMainSupport ignored) {
                            started.countDown();
                        }
                    });
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        exit.whenComplete((code, e) -> started.countDown());
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(exit).as("the service stopped early:\n%s", out).isNotDone();
        try {
            CamelContext ctx = main.get().getCamelContext();
            assertThat(ScheduleRoutes.routeIds(ctx, JobKind.BUCKET_SYNC, JOB))
                    .containsExactlyInAnyOrder("bucket-sync-" + JOB, "bucket-sync-" + JOB + ".2");
            Scheduler scheduler = ctx.getComponent("quartz", QuartzComponent.class).getScheduler();
            Trigger byDayOfMonth = scheduler.getTrigger(TriggerKey.triggerKey(JOB, "bucket-sync"));
            Trigger byDayOfWeek = scheduler.getTrigger(TriggerKey.triggerKey(JOB + ".2", "bucket-sync"));
            // Sunday 2030-06-02: the weekday trigger fires on Monday the 3rd, the other on July 1st.
            Date sunday = Date.from(Instant.parse("2030-06-02T06:00:00Z"));
            assertThat(byDayOfWeek.getFireTimeAfter(sunday).toInstant()).isEqualTo(Instant.parse("2030-06-03T05:00:00Z"));
            assertThat(byDayOfMonth.getFireTimeAfter(sunday).toInstant()).isEqualTo(Instant.parse("2030-07-01T05:00:00Z"));

            for (Trigger trigger : new Trigger[] {byDayOfMonth, byDayOfWeek}) {
                String route = "bucket-sync-" + trigger.getKey().getName();
                NotifyBuilder ran = new NotifyBuilder(ctx).fromRoute(route)
                        .wereSentTo("direct:bucket-sync-run").whenDone(1).create();
                scheduler.triggerJob(trigger.getJobKey());
                assertThat(ran.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("%s ran the job", route).isTrue();
            }
        } finally {
            main.get().completed();
            exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}

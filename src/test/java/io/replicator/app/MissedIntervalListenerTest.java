package io.replicator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/** A slot Quartz skips (misfire, as with misfireInstruction=2) is reported with the job and kind. */
class MissedIntervalListenerTest {

    public static class NoOp implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    @Test
    void aMisfiredSlotIsReported() throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "missed-interval-test");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        CountDownLatch missed = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        scheduler.getListenerManager().addTriggerListener(new MissedIntervalListener((job, kind) -> {
            seen.set(kind + "/" + job);
            missed.countDown();
        }));
        try {
            scheduler.start();
            // A daily slot that began an hour ago was missed (as if the previous run had been busy).
            scheduler.scheduleJob(JobBuilder.newJob(NoOp.class).withIdentity("nightly", "bucket-sync").build(),
                    TriggerBuilder.newTrigger().withIdentity("nightly", "bucket-sync")
                            .startAt(new Date(System.currentTimeMillis() - 3_600_000))
                            .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?").withMisfireHandlingInstructionDoNothing())
                            .build());
            assertThat(missed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get()).isEqualTo("bucket-sync/nightly");
        } finally {
            scheduler.shutdown();
        }
    }
}

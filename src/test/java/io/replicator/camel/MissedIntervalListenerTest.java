package io.replicator.camel;

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

    /** One worker, misfires noticed after 1 s. */
    private static Scheduler scheduler(String name) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        return new StdSchedulerFactory(p).getScheduler();
    }

    @Test
    void aMisfiredSlotIsReported() throws Exception {
        Scheduler scheduler = scheduler("missed-interval-test");
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

    @Test
    void bothTriggersOfOneJobMissingOneSlotCountOnce() throws Exception {
        Scheduler scheduler = scheduler("missed-interval-two-triggers");
        java.util.List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch bothMisfired = new CountDownLatch(2);
        scheduler.getListenerManager().addTriggerListener(new MissedIntervalListener((job, kind) -> counted.add(kind + "/" + job)));
        scheduler.getListenerManager().addTriggerListener(new org.quartz.listeners.TriggerListenerSupport() {
            @Override
            public String getName() {
                return "raw-misfires";
            }

            @Override
            public void triggerMisfired(org.quartz.Trigger trigger) {
                bothMisfired.countDown(); // notified after MissedIntervalListener (registration order)
            }
        });
        Date hourAgo = new Date((System.currentTimeMillis() / 60_000 - 60) * 60_000);
        try {
            // job "db" runs on the 1st OR on Mondays: triggers "db" and "db.2" both had the same slot
            for (String trigger : new String[] {"db", "db.2"}) {
                scheduler.scheduleJob(JobBuilder.newJob(NoOp.class).withIdentity(trigger, "volume-source").build(),
                        TriggerBuilder.newTrigger().withIdentity(trigger, "volume-source").startAt(hourAgo)
                                .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?").withMisfireHandlingInstructionDoNothing())
                                .build());
            }
            scheduler.start();
            assertThat(bothMisfired.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(counted).containsExactly("volume-source/db");
        } finally {
            scheduler.shutdown();
        }
    }
}

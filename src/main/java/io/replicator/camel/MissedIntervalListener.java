package io.replicator.camel;

import io.replicator.camel.routes.ScheduleRoutes;
import io.replicator.camel.routes.ScheduledSlots;
import io.replicator.config.JobKind;
import io.replicator.jobs.JobMetrics;
import java.util.function.BiConsumer;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts schedule slots Quartz skipped because the previous run was still busy (misfires). */
final class MissedIntervalListener extends TriggerListenerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(MissedIntervalListener.class);
    private final BiConsumer<String, JobKind> onMissed;
    private final ScheduledSlots counted = new ScheduledSlots(); // both triggers of a day-of-month OR day-of-week job may miss one slot

    /** @param onMissed called with (job, kind) for every skipped slot */
    MissedIntervalListener(BiConsumer<String, JobKind> onMissed) {
        this.onMissed = onMissed;
    }

    static void install(QuartzComponent quartz, JobMetrics metrics) {
        try {
            quartz.getScheduler().getListenerManager().addTriggerListener(new MissedIntervalListener(metrics::missedInterval));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot watch Quartz misfires: " + e.getMessage(), e);
        }
    }

    @Override
    public String getName() {
        return "replicator-missed-intervals";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        String job = ScheduleRoutes.jobOf(trigger.getKey().getName());
        JobKind kind = JobKind.of(trigger.getKey().getGroup()).orElse(null); // the schedule routes' trigger group
        if (kind == null || trigger.getNextFireTime() != null && !counted.claim(job, trigger.getNextFireTime().toInstant())) {
            return;
        }
        LOG.warn("{} {}: a scheduled run was skipped because the previous run was still in progress", kind, job);
        onMissed.accept(job, kind);
    }
}

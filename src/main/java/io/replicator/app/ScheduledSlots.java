package io.replicator.app;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * One run per schedule slot: when a job has two triggers (day of month OR day of week) and both
 * fire for the same time (a Monday the 1st), only the first firing runs the job, as cron would.
 */
public final class ScheduledSlots {
    static final String JOB_HEADER = "ReplicatorJob";
    private final Map<String, Instant> lastClaimed = new ConcurrentHashMap<>();

    /** True for the first claim of a slot later than any claimed before, for this job. */
    public boolean claim(String job, Instant slot) {
        boolean[] won = {false};
        lastClaimed.compute(job, (j, last) -> {
            won[0] = last == null || slot.isAfter(last);
            return won[0] ? slot : last;
        });
        return won[0];
    }

    /** The route's filter: the job header and Quartz's scheduledFireTime header. */
    public boolean firstFiringOfSlot(Exchange exchange) {
        String job = exchange.getMessage().getHeader(JOB_HEADER, String.class);
        Date slot = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        return job == null || slot == null || claim(job, slot.toInstant());
    }
}

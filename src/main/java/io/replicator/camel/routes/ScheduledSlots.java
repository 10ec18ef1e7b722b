package io.replicator.camel.routes;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * One run per schedule slot: when a job has two triggers (day of month OR day of week) and both
 * fire for the same time (a Monday the 1st), only the first firing runs the job, as cron would.
 */
public final class ScheduledSlots implements Processor {
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

    /** In the schedule's route: stops the exchange unless it is the first firing of its slot. */
    @Override
    public void process(Exchange exchange) {
        String job = exchange.getMessage().getHeader(JOB_HEADER, String.class);
        Date slot = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        if (job != null && slot != null && !claim(job, slot.toInstant())) {
            exchange.setRouteStop(true);
        }
    }
}

package io.replicator.platform;

import io.replicator.camel.routes.ScheduleRoutes;
import io.replicator.camel.routes.JobTrigger;
import io.replicator.config.JobKind;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.kube.JobResource;
import io.replicator.kube.JobStatusListener;
import io.replicator.kube.SpecListener;
import io.replicator.kube.SpecWatcher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * spec.trigger.manual runs one sync (VolSync's rule: when it differs from status.lastManualSync);
 * spec.paused suspends the job's schedule and holds manual triggers until it is cleared. With
 * several replicas, only the replica that leads a job runs its manual triggers.
 */
final class KubernetesTriggers implements SpecListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesTriggers.class);
    private static final Duration WAIT_FOR_RUNNING = Duration.ofHours(24);
    private final CamelContext ctx;
    private final KubernetesLayer layer;
    private final JobGuard guard;
    private final Leadership leadership;
    private final Map<JobResource, String> held = new ConcurrentHashMap<>();
    private final Map<JobResource, String> heldForLeadership = new ConcurrentHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replicator-manual-trigger");
        t.setDaemon(true);
        return t;
    });
    private SpecWatcher watcher;

    /** Whether this replica leads a job's lock (its route id), and a hook for when it starts to. */
    interface Leadership {
        Leadership ALWAYS = new Leadership() {
            @Override
            public boolean leads(String lock) {
                return true;
            }

            @Override
            public void onLeading(String lock, Runnable then) {
            }
        };

        boolean leads(String lock);

        void onLeading(String lock, Runnable then);
    }

    KubernetesTriggers(CamelContext ctx, KubernetesLayer layer, JobGuard guard, Leadership leadership) {
        this.ctx = ctx;
        this.layer = layer;
        this.guard = guard;
        this.leadership = leadership;
    }

    void start() {
        watcher = SpecWatcher.start(layer.client(), layer.namespace(), this);
    }

    @Override
    public void manualTrigger(JobResource r, String value) {
        if (r.kind().equals(JobResource.REPLICATION_DESTINATION)) {
            return; // a destination has no trigger
        }
        JobKind kind = r.jobKind();
        String lock = kind.spelling() + "-" + r.name();
        if (!leadership.leads(lock)) {
            // Another replica runs it; or none yet (at startup the Lease takes a while): if this
            // replica becomes the leader before the value was recorded, it runs it then.
            LOG.info("{}: manual trigger '{}' is for the replica that leads {}; not this one (yet)", r, value, lock);
            if (heldForLeadership.put(r, value) == null) {
                leadership.onLeading(lock, () -> rerunIfPending(r));
            }
            return;
        }
        if (layer.isPaused(r)) {
            LOG.info("{} is paused: manual trigger '{}' runs when spec.paused is cleared", r, value);
            held.put(r, value);
            return;
        }
        runs.submit(() -> run(kind, r, value));
    }

    @Override
    public void pausedChanged(JobResource r, boolean paused) {
        layer.setPaused(r, paused);
        if (r.kind().equals(JobResource.REPLICATION_DESTINATION)) {
            return; // its listener is not a schedule
        }
        String routeId = r.jobKind().spelling() + "-" + r.name();
        try {
            if (paused) {
                for (String id : ScheduleRoutes.routeIds(ctx, r.jobKind(), r.name())) {
                    ctx.getRouteController().suspendRoute(id);
                }
                LOG.info("{} paused: its schedule is suspended", r);
            } else {
                for (String id : ScheduleRoutes.routeIds(ctx, r.jobKind(), r.name())) {
                    ctx.getRouteController().resumeRoute(id);
                }
                LOG.info("{} resumed", r);
                String value = held.remove(r);
                if (value != null) {
                    manualTrigger(r, value);
                }
            }
        } catch (Exception e) {
            LOG.warn("cannot {} route {}: {}", paused ? "suspend" : "resume", routeId, e.getMessage());
        }
    }

    private void rerunIfPending(JobResource r) {
        String value = heldForLeadership.remove(r);
        if (value != null && !value.equals(layer.lastManualSync(r))) {
            manualTrigger(r, value);
        }
    }

    /** One sync for the value; a run already in progress is waited for, as the value asks for a new sync. */
    private void run(JobKind kind, JobResource r, String value) {
        try (ProducerTemplate producer = ctx.createProducerTemplate()) {
            LOG.info("{}: spec.trigger.manual = '{}': running one sync", r, value);
            JobReport report = JobStatusListener.asManualTrigger(value, () -> JobTrigger.run(producer, kind, r.name(), "sync"));
            while (report.outcome() == JobOutcome.SKIPPED_ALREADY_RUNNING && guard.awaitIdle(r.name(), WAIT_FOR_RUNNING)) {
                report = JobStatusListener.asManualTrigger(value, () -> JobTrigger.run(producer, kind, r.name(), "sync"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("{}: manual trigger '{}' failed: {}", r, value, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        runs.shutdownNow();
    }
}

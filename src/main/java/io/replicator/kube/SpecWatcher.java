package io.replicator.kube;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.replicator.kube.api.JobSpec;
import io.replicator.kube.api.JobStatus;
import io.replicator.kube.api.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches our three kinds in one namespace (only resources labelled managed-by camel-replicator) and
 * reports manual triggers and pause changes to a {@link SpecListener}.
 *
 * <p>Uses fabric8 informers rather than camel-kubernetes' custom-resources consumer: an informer lists
 * before it watches (so a trigger set while the application was down is seen at startup), re-lists and
 * re-watches after connection loss, and delivers updates with the full object, which the manual-trigger
 * rule needs (spec and status together). The Camel consumer is a bare watch without the initial list.
 *
 * <p>Manual trigger, as VolSync: fires when {@code spec.trigger.manual} is non-empty and differs from
 * {@code status.lastManualSync}; once per value, so status writes during the run, re-lists and resyncs
 * do not fire it again; once the run writes lastManualSync the rule no longer holds.
 */
public final class SpecWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpecWatcher.class);
    private final SpecListener listener;
    private final Map<JobResource, String> firedManual = new ConcurrentHashMap<>();
    private final Map<JobResource, Boolean> paused = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<CustomResource<JobSpec, JobStatus>>> informers = new ArrayList<>();

    private SpecWatcher(SpecListener listener) {
        this.listener = listener;
    }

    /**
     * Starts watching; returns once the existing resources are listed (their pending triggers and
     * pauses are reported from the watcher's threads).
     */
    public static SpecWatcher start(KubernetesClient client, String namespace, SpecListener listener) {
        SpecWatcher watcher = new SpecWatcher(Objects.requireNonNull(listener, "listener"));
        for (String kind : JobResource.PLURALS.keySet()) {
            try {
                watcher.informers.add(JobResource.all(client, kind)
                        .inNamespace(namespace)
                        .withLabel(JobResource.MANAGED_BY_LABEL, JobResource.MANAGED_BY_VALUE)
                        .inform(watcher.handler(kind)));
            } catch (KubernetesClientException e) {
                watcher.close();
                throw new IllegalStateException("cannot watch " + kind + " in namespace " + namespace
                        + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
            }
        }
        return watcher;
    }

    private ResourceEventHandler<CustomResource<JobSpec, JobStatus>> handler(String kind) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(CustomResource<JobSpec, JobStatus> obj) {
                seen(kind, obj);
            }

            @Override
            public void onUpdate(CustomResource<JobSpec, JobStatus> before, CustomResource<JobSpec, JobStatus> obj) {
                seen(kind, obj);
            }

            @Override
            public void onDelete(CustomResource<JobSpec, JobStatus> obj, boolean finalStateUnknown) {
                JobResource r = identity(kind, obj);
                firedManual.remove(r);
                paused.remove(r);
            }
        };
    }

    private void seen(String kind, CustomResource<JobSpec, JobStatus> obj) {
        JobResource r = identity(kind, obj);
        JobSpec spec = obj.getSpec();
        Trigger trigger = spec == null ? null : spec.getTrigger();
        String manual = text(trigger == null ? null : trigger.getManual());
        String lastManualSync = text(obj.getStatus() == null ? null : obj.getStatus().getLastManualSync());
        if (!manual.isEmpty() && !manual.equals(lastManualSync) && !manual.equals(firedManual.put(r, manual))) {
            report(r, "manual trigger", () -> listener.manualTrigger(r, manual));
        }
        boolean isPaused = spec != null && Boolean.TRUE.equals(spec.getPaused());
        Boolean wasPaused = paused.put(r, isPaused);
        if (wasPaused == null ? isPaused : wasPaused != isPaused) {
            report(r, "pause change", () -> listener.pausedChanged(r, isPaused));
        }
    }

    /** A failing listener must not stop the informer, nor be called again for the same event. */
    private static void report(JobResource r, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: listener failed on {}: {}", r, what, e.toString());
        }
    }

    private static JobResource identity(String kind, CustomResource<JobSpec, JobStatus> obj) {
        return new JobResource(kind, obj.getMetadata().getNamespace(), obj.getMetadata().getName());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
    }
}

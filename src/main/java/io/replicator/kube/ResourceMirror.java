package io.replicator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.replicator.kube.api.JobSpec;
import io.replicator.kube.api.JobStatus;
import io.replicator.kube.api.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mirrors each configured job into its custom resource: creates it when missing, otherwise updates
 * the spec fields that come from configuration. {@code spec.paused} and {@code spec.trigger.manual}
 * belong to users (kubectl) once the resource exists, so their cluster values are kept. Status is never
 * written here (spec updates go to the main resource, which ignores status). Updates carry the
 * resourceVersion that was read, so a concurrent user edit yields 409 and is merged again, not lost.
 */
public final class ResourceMirror {
    static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubernetesClient client;

    public ResourceMirror(KubernetesClient client) {
        this.client = client;
    }

    /** Creates or updates the resource of {@code r} from {@code spec}; returns the object as now stored. */
    public CustomResource<JobSpec, JobStatus> ensure(JobResource r, JobSpec spec) {
        KubernetesClientException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                CustomResource<JobSpec, JobStatus> existing = r.ops(client).get();
                return existing == null ? create(r, spec) : update(r, existing, spec);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) { // 409: created or changed by someone else meanwhile
                    throw new IllegalStateException("cannot create or update " + r + ": HTTP " + e.getCode()
                            + " " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IllegalStateException("cannot update " + r + ": still conflicting after " + ATTEMPTS + " attempts", last);
    }

    private CustomResource<JobSpec, JobStatus> create(JobResource r, JobSpec spec) {
        CustomResource<JobSpec, JobStatus> fresh = r.fresh();
        fresh.getMetadata().setLabels(Map.of(JobResource.MANAGED_BY_LABEL, JobResource.MANAGED_BY_VALUE));
        fresh.setSpec(spec);
        return JobResource.all(client, r.kind()).inNamespace(r.namespace()).resource(fresh).create();
    }

    private CustomResource<JobSpec, JobStatus> update(JobResource r, CustomResource<JobSpec, JobStatus> existing,
                                                      JobSpec spec) {
        JobSpec current = existing.getSpec() == null ? JSON.convertValue(Map.of(), spec.getClass()) : existing.getSpec();
        JobSpec wanted = merge(current, spec);
        Map<String, String> labels = existing.getMetadata().getLabels() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(existing.getMetadata().getLabels());
        // A resource created by hand for a configured job is adopted, so the SpecWatcher sees it.
        boolean labelled = JobResource.MANAGED_BY_VALUE.equals(labels.put(JobResource.MANAGED_BY_LABEL,
                JobResource.MANAGED_BY_VALUE));
        if (labelled && JSON.valueToTree(wanted).equals(JSON.valueToTree(existing.getSpec()))) {
            return existing; // nothing to do: no write, no generation bump, no watch event
        }
        existing.getMetadata().setLabels(labels);
        existing.setSpec(wanted);
        return JobResource.all(client, r.kind()).inNamespace(r.namespace()).resource(existing).update(); // carries the resourceVersion read above
    }

    /**
     * The cluster's spec with the configuration's top-level fields (those it sets), keeping the
     * user-owned ones: paused as in the cluster, the configured trigger with the cluster's manual.
     */
    static <S extends JobSpec> S merge(S cluster, S config) {
        S merged;
        JsonNode configured = JSON.valueToTree(config);
        try {
            merged = JSON.readerForUpdating(JSON.convertValue(cluster, config.getClass())).readValue(configured);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge a " + config.getClass().getSimpleName(), e);
        }
        merged.setPaused(cluster.getPaused());
        if (config.getTrigger() != null) {
            Trigger trigger = new Trigger();
            trigger.setSchedule(config.getTrigger().getSchedule());
            trigger.setManual(cluster.getTrigger() == null ? null : cluster.getTrigger().getManual());
            merged.setTrigger(trigger);
        }
        return merged;
    }
}

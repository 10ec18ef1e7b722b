package io.replicator.testing;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.replicator.kube.JobResource;

/** Our custom resources as raw JSON objects, the way kubectl sees them: tests read and edit them so. */
public final class RawJobResources {
    private RawJobResources() {
    }

    /** Where the API server serves a kind of ours. */
    public static ResourceDefinitionContext context(String kind) {
        return new ResourceDefinitionContext.Builder().withGroup(JobResource.GROUP).withVersion(JobResource.VERSION)
                .withKind(kind).withPlural(JobResource.PLURALS.get(kind)).withNamespaced(true).build();
    }
}

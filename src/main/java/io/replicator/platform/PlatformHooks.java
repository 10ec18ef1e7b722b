package io.replicator.platform;

import io.replicator.jobs.KeyLoader;
import io.replicator.jobs.JobListener;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.VolumeSourceRunner;
import java.util.function.UnaryOperator;

/**
 * Where the application meets its platform: plain files and logs by default, the Kubernetes layer
 * when enabled.
 *
 * @param namespace a metrics label: the Kubernetes namespace, or "" outside Kubernetes
 * @param images    what a successful destination session leaves as the latest image
 * @param sources   wraps the Direct volume-source runner (Clone and Snapshot run in mover Jobs)
 */
public record PlatformHooks(KeyLoader keys, JobListener listener, String namespace, UnaryOperator<JobReport> images,
                     UnaryOperator<VolumeSourceRunner> sources) {

    public static final PlatformHooks LOCAL = new PlatformHooks(KeyLoader.files(), JobListener.NONE, "",
            UnaryOperator.identity(), UnaryOperator.identity());
}

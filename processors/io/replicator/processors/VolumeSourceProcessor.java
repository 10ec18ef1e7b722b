package io.replicator.processors;

import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.ProgressTicker;
import io.replicator.jobs.VolumeSourceRunner;
import java.util.Optional;

/** Maps the ReplicatorJob/ReplicatorMode headers to one volume-source run; the body becomes its JobReport. */
public final class VolumeSourceProcessor extends ConfiguredJobProcessor<VolumeSourceJobConfig> {

    public VolumeSourceProcessor(ReplicatorConfig config, VolumeSourceRunner runner, JobGuard guard, ProgressTicker ticker) {
        super(new JobKindOps<>(JobKind.VOLUME_SOURCE, name -> Optional.ofNullable(config.volumeSources().get(name)),
                (job, mode) -> job.withMode(VolumeSourceJobConfig.Mode.valueOf(mode)), VolumeSourceJobConfig::modeName,
                job -> runner.run(job, ticker)), guard);
    }
}

package io.replicator.jobs;

import io.replicator.config.VolumeSourceJobConfig;

/** Runs one volume-source sync to completion and reports it. Never throws for sync errors. */
public interface VolumeSourceRunner {
    JobReport run(VolumeSourceJobConfig job, ProgressTicker ticker);
}

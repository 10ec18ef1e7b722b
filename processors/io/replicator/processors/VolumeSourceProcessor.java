package io.replicator.processors;

import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import io.replicator.config.VolumeSourceJobConfig;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.ProgressTicker;
import io.replicator.jobs.VolumeSourceRunner;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Maps the ReplicatorJob/ReplicatorMode headers to one volume-source run; the body becomes its JobReport. */
public final class VolumeSourceProcessor implements Processor {
    private final ReplicatorConfig config;
    private final VolumeSourceRunner runner;
    private final JobGuard guard;
    private final ProgressTicker ticker;

    public VolumeSourceProcessor(ReplicatorConfig config, VolumeSourceRunner runner, JobGuard guard, ProgressTicker ticker) {
        this.config = config;
        this.runner = runner;
        this.guard = guard;
        this.ticker = ticker;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(JobHeaders.JOB, String.class);
        VolumeSourceJobConfig configured = Optional.ofNullable(config.volumeSources().get(name))
                .orElseThrow(() -> new IllegalArgumentException("no volume-source job named '" + name + "'"));
        String mode = exchange.getMessage().getHeader(JobHeaders.MODE, String.class);
        VolumeSourceJobConfig job = mode == null ? configured
                : configured.withMode(VolumeSourceJobConfig.Mode.valueOf(mode.toUpperCase().replace('-', '_')));
        exchange.getMessage().setBody(guard.runExclusive(name, JobKind.VOLUME_SOURCE, job.modeName(), () -> runner.run(job, ticker)));
    }
}

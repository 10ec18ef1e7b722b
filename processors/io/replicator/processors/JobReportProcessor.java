package io.replicator.processors;

import io.replicator.jobs.JobMetrics;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.LocalStatusFile;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the one summary of a run and records its metrics. */
public final class JobReportProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("io.replicator.summary");
    private final Supplier<JobMetrics> metricsFactory;
    private final LocalStatusFile statusFile;
    private volatile JobMetrics metrics;

    /** @param statusFile where to keep the latest report per job, or null for none */
    public JobReportProcessor(Supplier<JobMetrics> metricsFactory, LocalStatusFile statusFile) {
        this.metricsFactory = metricsFactory;
        this.statusFile = statusFile;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JobReport r = exchange.getMessage().getBody(JobReport.class);
        if (r.outcome().ok()) {
            LOG.info(r.headline());
        } else {
            LOG.warn(r.headline());
        }
        r.lines().forEach(line -> LOG.info("  {}", line));
        metrics().record(r);
        if (statusFile != null) {
            statusFile.write(r);
        }
    }

    private JobMetrics metrics() {
        if (metrics == null) {
            metrics = metricsFactory.get(); // the metrics registry exists only once Camel has started
        }
        return metrics;
    }
}

package io.replicator.processors;

import io.replicator.jobs.JobMetrics;
import io.replicator.jobs.JobReport;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the one summary of a run and records its metrics. */
public final class JobReportProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("io.replicator.summary");
    private final Supplier<JobMetrics> metricsFactory;
    private volatile JobMetrics metrics;

    public JobReportProcessor(Supplier<JobMetrics> metricsFactory) {
        this.metricsFactory = metricsFactory;
    }

    @Override
    public void process(Exchange exchange) {
        JobReport r = exchange.getMessage().getBody(JobReport.class);
        if (r.outcome().ok()) {
            LOG.info(r.headline());
        } else {
            LOG.warn(r.headline());
        }
        r.lines().forEach(line -> LOG.info("  {}", line));
        metrics().record(r);
    }

    private JobMetrics metrics() {
        if (metrics == null) {
            metrics = metricsFactory.get(); // the metrics registry exists only once Camel has started
        }
        return metrics;
    }
}

package io.replicator.processors;

import io.replicator.jobs.JobListener;
import io.replicator.jobs.JobMetrics;
import io.replicator.jobs.JobReport;
import io.replicator.jobs.LocalStatusFile;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the one summary of a run, records its metrics and status, and tells the job listener. */
public final class JobReportProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("io.replicator.summary");
    private final Supplier<JobMetrics> metrics;
    private final LocalStatusFile statusFile;
    private final JobListener listener;

    /** @param statusFile where to keep the latest report per job, or null for none */
    public JobReportProcessor(Supplier<JobMetrics> metrics, LocalStatusFile statusFile, JobListener listener) {
        this.metrics = metrics;
        this.statusFile = statusFile;
        this.listener = listener;
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
        metrics.get().record(r);
        if (statusFile != null) {
            statusFile.write(r);
        }
        listener.finished(r);
    }
}

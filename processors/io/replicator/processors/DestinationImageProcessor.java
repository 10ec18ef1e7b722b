package io.replicator.processors;

import io.replicator.jobs.JobReport;
import java.util.function.UnaryOperator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * After a destination session: makes the job's latest image (a VolumeSnapshot with copy-method
 * Snapshot on Kubernetes) and returns the report with its outcome; outside Kubernetes, nothing.
 */
public final class DestinationImageProcessor implements Processor {
    private final UnaryOperator<JobReport> images;

    public DestinationImageProcessor(UnaryOperator<JobReport> images) {
        this.images = images;
    }

    @Override
    public void process(Exchange exchange) {
        JobReport r = exchange.getMessage().getBody(JobReport.class);
        exchange.getMessage().setBody(r.outcome().ok() ? images.apply(r) : r);
    }
}

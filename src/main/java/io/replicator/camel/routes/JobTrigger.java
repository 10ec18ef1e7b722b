package io.replicator.camel.routes;

import io.replicator.config.JobKind;
import io.replicator.jobs.JobReport;
import io.replicator.processors.JobHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Runs a job now through the route its schedule uses (direct:&lt;kind&gt;-run), as --once and the demo do. */
public final class JobTrigger {
    private JobTrigger() {
    }

    /** The run's report; an exchange that failed outside the job (a route error) throws. */
    public static JobReport run(ProducerTemplate producer, JobKind kind, String job, String mode) {
        return run(producer, kind, job, mode, false);
    }

    /** allowEmptySource: this run may delete although the source lists nothing (--allow-empty-source). */
    public static JobReport run(ProducerTemplate producer, JobKind kind, String job, String mode, boolean allowEmptySource) {
        Exchange ex = producer.request("direct:" + kind.spelling() + "-run", e -> {
            e.getMessage().setHeader(JobHeaders.JOB, job);
            e.getMessage().setHeader(JobHeaders.MODE, mode);
            if (allowEmptySource) {
                e.getMessage().setHeader(JobHeaders.ALLOW_EMPTY_SOURCE, true);
            }
        });
        if (ex.getException() != null) {
            throw new IllegalStateException(kind + " " + job + ": " + ex.getException().getMessage(), ex.getException());
        }
        return ex.getMessage().getBody(JobReport.class);
    }
}

package io.replicator.camel;

import io.replicator.cli.ExitCodes;
import io.replicator.cli.CliArgs;
import io.replicator.camel.routes.JobTrigger;
import io.replicator.config.JobKind;
import io.replicator.jobs.JobReport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** --once JOB: runs the job through the same route the schedule uses and maps its outcome to an exit code. */
final class OnceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(OnceRunner.class);
    private final CamelContext ctx;

    OnceRunner(CamelContext ctx) {
        this.ctx = ctx;
    }

    /** @param kind bucket-sync or volume-source: the route direct:&lt;kind&gt;-run runs it */
    int run(JobKind kind, String job, CliArgs.RunMode mode, boolean allowEmptySource) {
        try (ProducerTemplate producer = ctx.createProducerTemplate()) {
            JobReport report = JobTrigger.run(producer, kind, job, mode.name(), allowEmptySource);
            return switch (report.outcome()) {
                case SUCCEEDED -> ExitCodes.OK;
                case DIFFERENCES -> ExitCodes.DIFFERENCES;
                default -> ExitCodes.JOB_FAILED;
            };
        } catch (Exception e) {
            LOG.error("--once {} failed: {}", job, e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
    }
}

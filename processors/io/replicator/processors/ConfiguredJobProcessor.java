package io.replicator.processors;

import io.replicator.config.JobKind;
import io.replicator.jobs.JobGuard;
import io.replicator.jobs.JobReport;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Maps the ReplicatorJob/ReplicatorMode headers to one run of a configured job, at most one at a
 * time per job (JobGuard); the body becomes its JobReport. Subclasses say how their kind of job is
 * found, put in a mode and run.
 *
 * @param <J> the job's configuration
 */
abstract class ConfiguredJobProcessor<J> implements Processor {
    /** How one kind of job is found by name, put in the mode a header names, and run. */
    record JobKindOps<J>(JobKind kind, Function<String, Optional<J>> find, BiFunction<J, String, J> withModeConstant,
                         Function<J, String> modeName, Function<J, JobReport> run) {
    }

    private final JobKindOps<J> ops;
    private final JobGuard guard;

    ConfiguredJobProcessor(JobKindOps<J> ops, JobGuard guard) {
        this.ops = ops;
        this.guard = guard;
    }

    /** What else the message asks of this run; the job unchanged by default. */
    J withRunOptions(J job, Message message) {
        return job;
    }

    @Override
    public final void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String name = message.getHeader(JobHeaders.JOB, String.class);
        J configured = ops.find().apply(name)
                .orElseThrow(() -> new IllegalArgumentException("no " + ops.kind() + " job named '" + name + "'"));
        String mode = message.getHeader(JobHeaders.MODE, String.class);
        J moded = mode == null ? configured
                : ops.withModeConstant().apply(configured, mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        J job = withRunOptions(moded, message);
        message.setBody(guard.runExclusive(name, ops.kind(), ops.modeName().apply(job), () -> ops.run().apply(job)));
    }
}

package io.replicator.processors;

import io.replicator.config.JobKind;
import io.replicator.jobs.JobOutcome;
import io.replicator.jobs.JobReport;
import io.replicator.volume.SessionReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Turns the SessionReport a destination session ends with into the job's JobReport. */
public final class VolumeDestinationProcessor implements Processor {
    private final String job;

    public VolumeDestinationProcessor(String job) {
        this.job = job;
    }

    @Override
    public void process(Exchange exchange) {
        SessionReport s = exchange.getMessage().getBody(SessionReport.class);
        Map<String, Long> c = new TreeMap<>();
        c.put("entries", s.entries());
        c.put("files_written", s.filesWritten());
        c.put("files_skipped", s.filesSkipped());
        c.put("files_resent", s.resends());
        c.put("files_deleted", s.filesDeleted());
        c.put("bytes_received", s.bytesReceived());
        c.put("bytes_literal", s.literalBytes());
        c.put("bytes_matched", s.matchedBytes());
        JobOutcome outcome = s.ok() ? JobOutcome.SUCCEEDED : JobOutcome.FAILED;
        String line = String.format("session %s from %s (identity %s): %d entries, %d files written (%d literal bytes, "
                        + "%d matched), %d deleted, %d resent; ownership: %s", s.sessionId(), s.peer(), s.identity(),
                s.entries(), s.filesWritten(), s.literalBytes(), s.matchedBytes(), s.filesDeleted(), s.resends(),
                s.ownership());
        // A refused connection names its own job (or none): report it under the listener's job.
        exchange.getMessage().setBody(JobReport.of(job, JobKind.VOLUME_DESTINATION, s.mode().label()).outcome(outcome)
                .started(Instant.now().minus(s.duration())).duration(s.duration()).lines(List.of(line)).counters(c)
                .error(s.error()).build());
    }
}

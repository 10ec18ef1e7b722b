package io.replicator.kube;

import java.util.List;

/**
 * How a source sync's mover Job ended.
 *
 * @param message  what happened, naming the Job (or the temporary that failed before it)
 * @param logTail  the mover pod's last log lines; empty when they could not be read
 */
public record MoverResult(Outcome outcome, String message, List<String> logTail) {

    public enum Outcome { SUCCEEDED, FAILED, TIMED_OUT }

    public MoverResult {
        logTail = logTail == null ? List.of() : List.copyOf(logTail);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}

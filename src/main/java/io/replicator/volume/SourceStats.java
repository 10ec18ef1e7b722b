package io.replicator.volume;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one source sync, updated from its stream threads. */
final class SourceStats {
    final LongAdder filesSent = new LongAdder();
    final LongAdder filesSkipped = new LongAdder();
    final LongAdder literalBytes = new LongAdder();
    final LongAdder matchedBytes = new LongAdder();
    /** Paths of files that kept changing while read (not copied this time). */
    final java.util.Queue<String> changedWhileRead = new java.util.concurrent.ConcurrentLinkedQueue<>();
}

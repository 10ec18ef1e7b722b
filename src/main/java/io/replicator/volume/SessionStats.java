package io.replicator.volume;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one session, updated from its worker threads. */
final class SessionStats {
    final LongAdder entries = new LongAdder();
    final LongAdder filesWritten = new LongAdder();
    final LongAdder filesSkipped = new LongAdder();
    final LongAdder resends = new LongAdder();
    final LongAdder literalBytes = new LongAdder();
    final LongAdder matchedBytes = new LongAdder();
    final LongAdder filesDeleted = new LongAdder();
}

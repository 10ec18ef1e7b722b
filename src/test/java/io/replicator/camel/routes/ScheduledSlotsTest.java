package io.replicator.camel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Two triggers firing for one slot run the job once; each job keeps its own slots. */
class ScheduledSlotsTest {
    private static final Instant MONDAY_FIRST = Instant.parse("2027-03-01T05:00:00Z");

    @Test
    void aSlotIsClaimedOncePerJob() {
        ScheduledSlots slots = new ScheduledSlots();
        assertThat(slots.claim("db", MONDAY_FIRST)).isTrue();
        assertThat(slots.claim("db", MONDAY_FIRST)).as("the second trigger of the same slot").isFalse();
        assertThat(slots.claim("photos", MONDAY_FIRST)).as("another job").isTrue();
        assertThat(slots.claim("db", MONDAY_FIRST.minusSeconds(86_400))).as("an earlier slot, late").isFalse();
        assertThat(slots.claim("db", MONDAY_FIRST.plusSeconds(7 * 86_400))).isTrue();
    }
}

package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** keep-replaced walks the delete queue before the deletes do: both walks see every key, spilled ones too. */
class DeleteQueueTest {
    @Test
    void aSpilledQueueCanBeWalkedTwice() throws Exception {
        int n = DeleteQueue.IN_MEMORY + 1_500;
        try (DeleteQueue q = DeleteQueue.storing()) {
            for (int i = 0; i < n; i++) {
                q.add("key-" + i, i);
            }
            for (int walk = 0; walk < 2; walk++) {
                List<String> seen = new ArrayList<>();
                q.forEachBatch(DeletePhase.BATCH, batch -> batch.forEach(item -> seen.add(item.key())));
                assertThat(seen).hasSize(n).startsWith("key-0").endsWith("key-" + (n - 1));
            }
        }
    }

    @Test
    void runStampsParseAndOtherNamesDoNot() {
        java.time.Instant t = java.time.Instant.parse("2026-12-03T12:34:56.789Z");
        assertThat(Keeper.stampTime(Keeper.STAMP.format(t))).isEqualTo(t);
        assertThat(Keeper.STAMP.format(t)).isEqualTo("20261203T123456.789Z");
        for (String other : new String[] {"2026-12-03", "notes", "20261203T123456Z", "20261203T123456.789Zx"}) {
            assertThat(Keeper.stampTime(other)).as(other).isNull();
        }
    }
}

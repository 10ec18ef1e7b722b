package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12: the empty-source refusal named "empty-source ALLOW", which existed nowhere. */
class DeleteGuardAdviceTest {

    @Test
    void theRefusalNamesTheJobPropertyAndTheOnceFlag() {
        assertThat(new DeleteGuard(DeleteLimits.NONE, "nightly").refusal(3, 0, 3)).get().asString()
                .contains("source listed 0 objects")
                .contains("replicator.bucket-sync.nightly.allow-empty-source=true")
                .contains("--once nightly --allow-empty-source")
                .contains("nothing was deleted");
    }

    @Test
    void allowedItGoesAhead() {
        assertThat(new DeleteGuard(new DeleteLimits(null, null, DeleteLimits.EmptySource.ALLOW), "nightly")
                .refusal(3, 0, 3)).isEmpty();
    }
}

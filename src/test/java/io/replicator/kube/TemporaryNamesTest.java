package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporaryNamesTest {

    @Test
    void namesFollowVolSyncsPatternWithOurPrefix() {
        assertThat(TemporaryNames.sourceCopy("db")).isEqualTo("camel-replicator-db-src");
        assertThat(TemporaryNames.moverJob("db")).isEqualTo("camel-replicator-db-mover");
    }

    @Test
    void aLongJobNameIsShortenedWithAHashToStayWithin63Characters() {
        String job = "a".repeat(30) + "-" + "b".repeat(32); // 63, the longest job name
        String other = "a".repeat(30) + "-" + "c".repeat(32);

        String mover = TemporaryNames.moverJob(job);

        assertThat(mover).hasSizeLessThanOrEqualTo(63).startsWith("camel-replicator-aaaa").endsWith("-mover")
                .matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
        assertThat(TemporaryNames.moverJob(job)).isEqualTo(mover); // stable, so leftovers are found
        assertThat(TemporaryNames.moverJob(other)).isNotEqualTo(mover);
        assertThat(TemporaryNames.sourceCopy(job)).hasSizeLessThanOrEqualTo(63).endsWith("-src");
    }
}

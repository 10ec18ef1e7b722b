package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: a 6+5+2 MiB source got a guessed layout of 4,543,830-byte parts, which S3 and Ceph
 * refuse (EntityTooSmall for every non-last part under 5 MiB): the object failed on every run.
 */
class PartSizeMinimumTest {
    private static final long MIB = PartLayout.MIB;

    @Test
    void noGuessedLayoutHasANonLastPartUnderFiveMib() {
        long size = 13 * MIB; // uploaded as 6 + 5 + 2 MiB
        assertThat(PartLayout.candidates(size, 3, 16 * MIB)).isNotEmpty().allSatisfy(l -> {
            assertThat(l.partSize()).isGreaterThanOrEqualTo(PartLayout.MIN_PART);
            assertThat(l.partCount()).isEqualTo(3);
        });
        for (long s = 10 * MIB - 3; s <= 16 * MIB; s += 333_333) {
            for (int parts = 2; parts <= 4; parts++) {
                assertThat(PartLayout.candidates(s, parts, 16 * MIB))
                        .allSatisfy(l -> assertThat(l.partSize()).isGreaterThanOrEqualTo(PartLayout.MIN_PART));
            }
        }
    }

    @Test
    void aLayoutThatNeedsSmallPartsHasNoCandidate() {
        assertThat(PartLayout.candidates(10 * MIB, 3, 16 * MIB)).isEmpty(); // 3 parts of 10 MiB need parts under 5 MiB
    }
}

package io.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockSizeTest {
    @Test
    void followsRsyncsSquareRootRule() {
        assertThat(BlockSize.forLength(0)).isEqualTo(700);
        assertThat(BlockSize.forLength(490_000)).isEqualTo(700);
        assertThat(BlockSize.forLength(490_001)).isEqualTo(700);   // sqrt 700.0007 -> 696 -> min 700
        assertThat(BlockSize.forLength(1_000_000)).isEqualTo(1000);
        assertThat(BlockSize.forLength(2_000_000)).isEqualTo(1408); // sqrt 1414.2 -> 1408
        assertThat(BlockSize.forLength(100L << 20)).isEqualTo(10240);
        assertThat(BlockSize.forLength(1L << 30)).isEqualTo(32768);
        assertThat(BlockSize.forLength((1L << 34) - 1)).isEqualTo(131064); // just below 128 KiB squared
        assertThat(BlockSize.forLength(1L << 34)).isEqualTo(131072);
        assertThat(BlockSize.forLength(500L << 30)).isEqualTo(131072);
    }

    @Test
    void growsPastRsyncsMaximumOnlyToKeepTheBlockCountCapped() {
        long length = 4L << 40; // 4 TiB: rsync would use 32M blocks of 128 KiB
        int size = BlockSize.forLength(length);

        assertThat(size).isGreaterThan(131072);
        assertThat(size % 8).isZero();
        assertThat(BlockSize.blockCount(length, size)).isLessThanOrEqualTo(DeltaFormat.MAX_BLOCK_COUNT);
        assertThatThrownBy(() -> BlockSize.forLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strongLengthKeepsATwoToTheMinus20BoundWithoutCreditingTheWeakSum() {
        assertThat(SignatureSpec.strongLengthFor(0, 700)).isEqualTo(8);
        assertThat(SignatureSpec.strongLengthFor(100L << 20, 10240)).isEqualTo(8);  // 20+52-13 = 59 bits
        assertThat(SignatureSpec.strongLengthFor(512L << 30, 131072)).isEqualTo(11); // 20+78-17 = 81 bits
        assertThat(SignatureSpec.strongLengthFor(1L << 50, 1 << 24)).isEqualTo(12);
    }
}

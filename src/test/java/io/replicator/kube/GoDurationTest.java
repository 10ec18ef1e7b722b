package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expected strings are what Go's time.Duration.String() prints for the same values. */
class GoDurationTest {

    @Test
    void secondsMinutesAndHours() {
        assertThat(GoDuration.format(Duration.ofMillis(62_500))).isEqualTo("1m2.5s");
        assertThat(GoDuration.format(Duration.ofMillis(3_200))).isEqualTo("3.2s");
        assertThat(GoDuration.format(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(GoDuration.format(Duration.ofSeconds(120))).isEqualTo("2m0s");
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(3723).plusNanos(456_000_000))).isEqualTo("1h2m3.456s");
        assertThat(GoDuration.format(Duration.ofHours(26).plusSeconds(5))).isEqualTo("26h0m5s");
        assertThat(GoDuration.format(Duration.ofSeconds(21).plusNanos(123_456_789))).isEqualTo("21.123456789s");
        assertThat(GoDuration.format(Duration.ofSeconds(5).plusNanos(7))).isEqualTo("5.000000007s");
    }

    @Test
    void belowOneSecondUsesSmallerUnits() {
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.format(Duration.ofNanos(999))).isEqualTo("999ns");
        assertThat(GoDuration.format(Duration.ofNanos(1_500))).isEqualTo("1.5µs");
        assertThat(GoDuration.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(GoDuration.format(Duration.ofNanos(999_999_999))).isEqualTo("999.999999ms");
    }

    @Test
    void negativeDurationsHaveASign() {
        assertThat(GoDuration.format(Duration.ofMillis(-1_500))).isEqualTo("-1.5s");
    }
}

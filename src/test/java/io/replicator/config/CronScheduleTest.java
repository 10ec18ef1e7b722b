package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void standardFiveFieldFormBecomesQuartz() {
        assertThat(CronSchedule.parse("0 5 * * *", UTC).quartz()).isEqualTo("0 0 5 * * ?");
        assertThat(CronSchedule.parse("*/5 * * * *", UTC).quartz()).isEqualTo("0 */5 * * * ?");
        assertThat(CronSchedule.parse("30 2 * * 1-5", UTC).quartz()).isEqualTo("0 30 2 ? * 2-6");
        assertThat(CronSchedule.parse("0 0 * * 0", UTC).quartz()).isEqualTo("0 0 0 ? * 1");
        assertThat(CronSchedule.parse("0 0 * * 7", UTC).quartz()).isEqualTo("0 0 0 ? * 1");
        assertThat(CronSchedule.parse("0 0 * * 5-7", UTC).quartz()).isEqualTo("0 0 0 ? * 6-7,1");
        assertThat(CronSchedule.parse("0 0 1 * *", UTC).quartz()).isEqualTo("0 0 0 1 * ?");
        assertThat(CronSchedule.parse("@daily", UTC).quartz()).isEqualTo("0 0 0 * * ?");
    }

    @Test
    void quartzFormIsKept() {
        assertThat(CronSchedule.parse("0 0 5 * * ?", UTC).quartz()).isEqualTo("0 0 5 * * ?");
        assertThat(CronSchedule.parse("0 0 5 ? * MON-FRI 2030", UTC).quartz()).isEqualTo("0 0 5 ? * MON-FRI 2030");
    }

    @Test
    void nextFireTimeHonoursTheZone() {
        Instant t = Instant.parse("2026-11-21T06:00:00Z");
        assertThat(CronSchedule.parse("0 5 * * *", UTC).nextAfter(t)).contains(Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(CronSchedule.parse("0 5 * * *", ZoneId.of("Europe/Stockholm")).nextAfter(t))
                .contains(Instant.parse("2026-11-22T04:00:00Z"));
        // Sunday in standard cron is Sunday in Quartz: 2026-11-22 is a Sunday.
        assertThat(CronSchedule.parse("0 0 * * 0", UTC).nextAfter(t)).contains(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void malformedExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * *", UTC)).hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 5 * * *", UTC)).hasMessageContaining("not a valid cron");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 1 * 1", UTC)).hasMessageContaining("both day-of-month and day-of-week");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * * 8", UTC)).hasMessageContaining("out of range");
    }
}

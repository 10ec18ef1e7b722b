package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CronScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Rows of src/test/resources/cron/croniter-reference.csv: expression, start, next fire times. */
    static Stream<String[]> croniterReference() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CronScheduleTest.class.getResourceAsStream("/cron/croniter-reference.csv")), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#")).map(l -> l.split(";")).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("croniterReference")
    void nextFireTimesMatchTheCroniterReferenceTable(String expression, String start, String expected) {
        CronSchedule schedule = CronSchedule.parse(expression, UTC);
        List<String> times = new ArrayList<>();
        Instant t = Instant.parse(start);
        for (String ignored : expected.split(" ")) {
            t = schedule.nextAfter(t).orElseThrow();
            times.add(t.toString());
        }
        assertThat(String.join(" ", times)).as("%s -> %s", expression, schedule.quartz()).isEqualTo(expected);
    }

    @Test
    void sundayMayBeWrittenAsSevenAndRangesThroughItKeepEveryDay() {
        assertThat(CronSchedule.parse("0 5 * * 0-7", UTC).quartz()).containsExactly("0 0 5 * * ?");
        assertThat(CronSchedule.parse("0 0 * * 7", UTC).quartz()).containsExactly("0 0 0 ? * 1");
        assertThat(CronSchedule.parse("0 0 * * 5-7", UTC).quartz()).containsExactly("0 0 0 ? * 1,6,7");
        // 2, 4, 6: the step never reaches 7, so no Sunday
        assertThat(CronSchedule.parse("0 5 * * 2-7/2", UTC).quartz()).containsExactly("0 0 5 ? * 3,5,7");
    }

    @Test
    void dayOfMonthOrDayOfWeekBecomesTwoTriggers() {
        assertThat(CronSchedule.parse("0 5 1 * 1", UTC).quartz()).containsExactly("0 0 5 1 * ?", "0 0 5 ? * 2");
        // a stepped star counts as a restriction (Kubernetes' robfig/cron): either day may match
        assertThat(CronSchedule.parse("0 0 */2 * 1", UTC).quartz()).hasSize(2);
        // a full range is a restriction too, and matches every day
        assertThat(CronSchedule.parse("0 0 1-31 * 1", UTC).quartz()).containsExactly("0 0 0 * * ?");
        assertThat(CronSchedule.parse("0 0 * * 1", UTC).quartz()).containsExactly("0 0 0 ? * 2");
        assertThat(CronSchedule.parse("0 0 13 * *", UTC).quartz()).containsExactly("0 0 0 13 * ?");
    }

    @Test
    void aStartWithAStepRunsToTheEndOfTheField() {
        // 1/10 is 1-31/10: the 1st, 11th, 21st and 31st, the 1st of March included
        assertThat(CronSchedule.parse("0 0 1/10 * *", UTC).nextAfter(Instant.parse("2027-02-27T23:59:00Z")))
                .contains(Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(CronSchedule.parse("0 0 1/10 * *", UTC).quartz()).containsExactly("0 0 0 1,11,21,31 * ?");
    }

    @Test
    void nextFireTimeFollowsBothTriggers() {
        CronSchedule s = CronSchedule.parse("0 5 1 * 1", UTC);
        // Saturday 2026-11-21: Monday the 23rd comes first, then Tuesday the 1st of December.
        assertThat(s.nextAfter(Instant.parse("2026-11-21T06:00:00Z"))).contains(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-30T06:00:00Z"))).contains(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void quartzFormIsKept() {
        assertThat(CronSchedule.parse("0 0 5 * * ?", UTC).quartz()).containsExactly("0 0 5 * * ?");
        assertThat(CronSchedule.parse("0 0 5 ? * MON-FRI 2030", UTC).quartz()).containsExactly("0 0 5 ? * MON-FRI 2030");
    }

    @Test
    void nextFireTimeHonoursTheZone() {
        Instant t = Instant.parse("2026-11-21T06:00:00Z");
        assertThat(CronSchedule.parse("0 5 * * *", UTC).nextAfter(t)).contains(Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(CronSchedule.parse("0 5 * * *", ZoneId.of("Europe/Stockholm")).nextAfter(t))
                .contains(Instant.parse("2026-11-22T04:00:00Z"));
        assertThat(CronSchedule.parse("0 5 1 * 1", ZoneId.of("Europe/Stockholm")).nextAfter(t))
                .contains(Instant.parse("2026-11-23T04:00:00Z"));
    }

    @Test
    void malformedExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * *", UTC)).hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 5 * * *", UTC)).hasMessageContaining("minute '61' is out of range 0-59");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * * 8", UTC)).hasMessageContaining("day-of-week '8' is out of range 0-7");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * * 5-2", UTC)).hasMessageContaining("day-of-week '5-2' is out of range");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 0 * *", UTC)).hasMessageContaining("day-of-month '0' is out of range 1-31");
        assertThatThrownBy(() -> CronSchedule.parse("0 5 * foo *", UTC)).hasMessageContaining("month 'foo' is not a number");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 5 * * *", UTC)).hasMessageContaining("step 0");
        assertThat(CronSchedule.parse("0 5 ? * ?", UTC).quartz()).containsExactly("0 0 5 * * ?");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 5 * * * * *", UTC)).hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 5 * * *", UTC)).hasMessageContaining("not a valid cron");
    }
}

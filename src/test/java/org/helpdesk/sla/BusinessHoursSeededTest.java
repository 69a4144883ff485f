package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The same comparison with the minute-stepping oracle as {@link BusinessHoursPropertyTest}, driven by a fixed
 * seed through plain JUnit: it does not depend on the property-test engine reporting honestly, and it names
 * the first case that differs.
 */
class BusinessHoursSeededTest {
    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    @Test
    void twoThousandSeededCasesMatchTheOracle() {
        Random random = new Random(20261207L);
        for (int i = 0; i < 2_000; i++) {
            ZoneId zone = ZoneId.of(random.nextBoolean()
                    ? BusinessHoursPropertyTest.TRICKY_ZONES.get(random.nextInt(BusinessHoursPropertyTest.TRICKY_ZONES.size()))
                    : ZONES.get(random.nextInt(ZONES.size())));
            List<Set<Integer>> points = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                Set<Integer> day = new HashSet<>();
                int n = random.nextInt(7);
                for (int k = 0; k < n; k++) {
                    day.add(random.nextInt(1441));
                }
                points.add(day);
            }
            List<BusinessHours.Period> periods = BusinessHoursPropertyTest.periods(points);
            if (periods.isEmpty()) {
                continue;
            }
            Instant start = BusinessHoursPropertyTest.start(zone, random);
            Set<LocalDate> holidays = new HashSet<>();
            LocalDate day = LocalDateTime.ofInstant(start, zone).toLocalDate();
            for (int k = random.nextInt(6); k > 0; k--) {
                holidays.add(day.plusDays(random.nextInt(40) - 5));
            }
            BusinessHoursPropertyTest.Case c = new BusinessHoursPropertyTest.Case(zone, periods, holidays, start,
                    1 + random.nextInt(2_000), random.nextInt(6_001));
            BusinessHours hours = BusinessHours.of(zone, periods, holidays);

            Instant expected = BusinessHoursPropertyTest.oracleDue(c);
            Instant due = hours.plus(start, Duration.ofMinutes(c.target()));
            if (expected != null) {
                assertThat(due).as("case %d: %s", i, c).isEqualTo(expected);
            } else {
                assertThat(due == null || due.isAfter(start.plus(Duration.ofMinutes(BusinessHoursPropertyTest.ORACLE_CAP))))
                        .as("case %d: %s", i, c).isTrue();
            }
            assertThat(hours.between(start, start.plus(Duration.ofMinutes(c.window()))))
                    .as("case %d: %s", i, c)
                    .isEqualTo(Duration.ofMinutes(BusinessHoursPropertyTest.oracleOpenMinutes(c, c.window())));
        }
    }
}

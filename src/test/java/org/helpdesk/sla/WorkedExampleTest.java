package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The worked example of docs/sla.md, number for number. */
class WorkedExampleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours OFFICE;

    static {
        List<BusinessHours.Period> periods = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            periods.add(new BusinessHours.Period(d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        OFFICE = BusinessHours.of(BERLIN, periods, Set.of(LocalDate.parse("2026-12-21")));
    }

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aTicketFromFridayAfternoonIsDueAfterTheWeekendAndTheHoliday() {
        Instant created = berlin("2026-12-18T16:00");

        assertThat(OFFICE.plus(created, Duration.ofMinutes(120))).isEqualTo(berlin("2026-12-22T10:00"));
        assertThat(OFFICE.plus(created, Duration.ofMinutes(960))).isEqualTo(berlin("2026-12-23T16:00"));
        assertThat(OFFICE.plus(created, Duration.ofMinutes(960))).isEqualTo(Instant.parse("2026-12-23T15:00:00Z"));
    }

    @Test
    void threeHoursPendingOnTuesdayMoveTheResolutionDueTimeToThursday() {
        Instant created = berlin("2026-12-18T16:00");
        Duration paused = OFFICE.between(berlin("2026-12-22T11:00"), berlin("2026-12-22T14:00"));

        assertThat(paused).isEqualTo(Duration.ofHours(3));
        assertThat(OFFICE.plus(created, Duration.ofMinutes(960).plus(paused))).isEqualTo(berlin("2026-12-24T11:00"));
    }

    @Test
    void aTicketCreatedAtNightStartsAtTheNextOpening() {
        assertThat(OFFICE.plus(berlin("2026-12-22T23:30"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-12-23T09:30"));
        assertThat(OFFICE.between(berlin("2026-12-19T00:00"), berlin("2026-12-22T00:00"))).isZero();
    }
}

package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The calendar and policy commands check their own values, whichever adapter (API or page) built them. */
class SlaCommandsTest {
    private static final List<Calendar.Hours> WEEKDAY = List.of(new Calendar.Hours("mon", "09:00", "17:00"));

    @Test
    void hoursComeOutSortedByDayAndStartAndHolidaysSortedWithoutRepeats() {
        CalendarFields fields = new CalendarFields("  Office ", " Europe/Berlin ",
                List.of(new Calendar.Hours("tue", "13:00", "24:00"), new Calendar.Hours("mon", "09:00", "12:00"),
                        new Calendar.Hours("tue", "08:00", "12:00")),
                List.of("2026-12-26", "2026-12-25", "2026-12-26"));
        assertThat(fields.name()).isEqualTo("Office");
        assertThat(fields.timezone()).isEqualTo("Europe/Berlin");
        assertThat(fields.hours()).extracting(h -> h.day() + " " + h.from())
                .containsExactly("mon 09:00", "tue 08:00", "tue 13:00");
        assertThat(fields.holidays()).containsExactly("2026-12-25", "2026-12-26");
    }

    @Test
    void overlappingPeriodsOfOneDayAreRefusedNamingBoth() {
        assertThatThrownBy(() -> new CalendarFields("Office", "UTC", List.of(new Calendar.Hours("mon", "09:00", "13:00"),
                new Calendar.Hours("mon", "12:00", "17:00")), null))
                .isInstanceOf(InvalidInput.class).hasMessage("hours must not overlap (mon 09:00-13:00 and 12:00-17:00)");
    }

    @Test
    void aBadTimeZoneDayTimeOrDateIsASentenceNotACoercion() {
        assertThatThrownBy(() -> new CalendarFields("x", "Mars/Olympus", WEEKDAY, null)).hasMessageContaining("timezone");
        assertThatThrownBy(() -> new CalendarFields("x", "UTC", List.of(new Calendar.Hours("monday", "09:00", "17:00")),
                null)).hasMessageContaining("day must be one of");
        assertThatThrownBy(() -> new CalendarFields("x", "UTC", List.of(new Calendar.Hours("mon", "24:00", "24:00")),
                null)).hasMessageContaining("from must be");
        assertThatThrownBy(() -> new CalendarFields("x", "UTC", List.of(new Calendar.Hours("mon", "10:00", "09:00")),
                null)).hasMessageContaining("to must be after from");
        assertThatThrownBy(() -> new CalendarFields("x", "UTC", WEEKDAY, List.of("2026-02-30")))
                .hasMessage("holidays: 2026-02-30 is not a date");
        assertThatThrownBy(() -> new CalendarFields("x", "UTC", List.of(), null))
                .hasMessage("hours must have at least one period");
        assertThatThrownBy(() -> new CalendarFields(" ", "UTC", WEEKDAY, null)).hasMessage("name must not be empty");
    }

    @Test
    void aCalendarChangeKeepsWhatItDoesNotNameAndIsCheckedWhole() {
        Calendar stored = new Calendar(UUID.randomUUID(), UUID.randomUUID(), "Office", "UTC", WEEKDAY,
                List.of("2026-12-25"), Instant.EPOCH);
        CalendarFields renamed = new CalendarChange("Support", null, null, null).applyTo(stored);
        assertThat(renamed).isEqualTo(new CalendarFields("Support", "UTC", WEEKDAY, List.of("2026-12-25")));
        assertThat(new CalendarChange(null, null, null, List.of()).applyTo(stored).holidays()).isEmpty();
        assertThatThrownBy(() -> new CalendarChange(null, "Nowhere/Else", null, null).applyTo(stored))
                .hasMessageContaining("timezone");
    }

    @Test
    void policyTargetsAreOrderedByPriorityAndMatchListsLoseRepeats() {
        Map<String, SlaPolicy.Target> targets = new LinkedHashMap<>();
        targets.put("urgent", new SlaPolicy.Target(30, null));
        targets.put("low", new SlaPolicy.Target(null, 600));
        targets.put("normal", null);
        PolicyFields fields = new PolicyFields("VIP", null,
                new SlaPolicy.Match(List.of("urgent", "urgent", "high"), null, List.of("email")), null, targets);
        assertThat(fields.targets().keySet()).containsExactly("low", "urgent");
        assertThat(fields.match().priority()).containsExactly("urgent", "high");
        assertThat(fields.match().channel()).containsExactly("email");
        assertThat(new PolicyFields("Any", 0, null, null, null).match()).isEqualTo(PolicyFields.ANY);
    }

    @Test
    void policyValuesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new PolicyFields("x", -1, null, null, null)).hasMessageContaining("position");
        assertThatThrownBy(() -> new PolicyFields("x", null, null, null, Map.of("urgent",
                new SlaPolicy.Target(0, null)))).hasMessageContaining("targets.urgent.firstResponse");
        assertThatThrownBy(() -> new PolicyFields("x", null, null, null, Map.of("urgent",
                new SlaPolicy.Target(null, SlaPolicy.MAX_MINUTES + 1)))).hasMessageContaining("targets.urgent.resolution");
        assertThatThrownBy(() -> new PolicyFields("x", null, null, null, Map.of("asap", new SlaPolicy.Target(1, 1))))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PolicyFields("x", null, new SlaPolicy.Match(List.of(), null, null), null, null))
                .hasMessageContaining("match.priority must be a non-empty array");
        assertThatThrownBy(() -> new PolicyFields("x", null, new SlaPolicy.Match(null, null, List.of("fax")), null,
                null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPolicyChangeClearsTheCalendarOnlyWhenToldTo() {
        UUID calendar = UUID.randomUUID();
        SlaPolicy stored = new SlaPolicy(UUID.randomUUID(), UUID.randomUUID(), "VIP", 2, PolicyFields.ANY, calendar,
                Map.of(), Instant.EPOCH);
        assertThat(new PolicyChange("Gold", null, null, null, false, null).applyTo(stored))
                .isEqualTo(new PolicyFields("Gold", 2, PolicyFields.ANY, calendar, Map.of()));
        assertThat(new PolicyChange(null, null, null, null, true, null).applyTo(stored).calendarId()).isNull();
    }
}

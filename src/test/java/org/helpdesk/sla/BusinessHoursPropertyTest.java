package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Business-time arithmetic against an oracle that steps minute by minute and asks, for each minute, whether its
 * wall-clock time in the zone is inside the hours of its weekday and not on a holiday. Random zones (with odd
 * offsets and daylight-saving rules among them), split hours, "24:00", holidays, starts (often near an offset
 * change) and targets.
 */
class BusinessHoursPropertyTest {
    /** The oracle gives up after this many minutes (about 70 days); the unit must then answer later or not at all. */
    static final int ORACLE_CAP = 100_000;
    static final List<String> TRICKY_ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Apia", "Africa/Casablanca",
            "America/Santiago", "America/Havana", "Pacific/Chatham", "Europe/London", "UTC", "Asia/Tehran",
            "America/Asuncion", "Antarctica/Troll", "Asia/Gaza", "Europe/Dublin");

    record Case(ZoneId zone, List<BusinessHours.Period> periods, Set<LocalDate> holidays, Instant start, int target,
                int window) {
        @Override
        public String toString() {
            return zone + " " + periods + " holidays " + holidays + " start " + start + " target " + target
                    + " window " + window;
        }
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
    void dueTimeAndElapsedBusinessTimeMatchTheMinuteSteppingOracle(@ForAll("cases") Case c) {
        BusinessHours hours = BusinessHours.of(c.zone(), c.periods(), c.holidays());

        Instant expectedDue = oracleDue(c);
        Instant due = hours.plus(c.start(), Duration.ofMinutes(c.target()));
        if (expectedDue == null) {
            assertThat(due == null || due.isAfter(c.start().plus(Duration.ofMinutes(ORACLE_CAP))))
                    .as("no due within the oracle's reach, so none or later: %s", due).isTrue();
        } else {
            assertThat(due).isEqualTo(expectedDue);
        }

        Instant end = c.start().plus(Duration.ofMinutes(c.window()));
        assertThat(hours.between(c.start(), end)).isEqualTo(Duration.ofMinutes(oracleOpenMinutes(c, c.window())));
        if (expectedDue != null) {
            assertThat(hours.between(c.start(), expectedDue)).isEqualTo(Duration.ofMinutes(c.target()));
        }
    }

    private static boolean oracleOpen(Case c, Instant minute) {
        LocalDateTime local = LocalDateTime.ofInstant(minute, c.zone());
        if (c.holidays().contains(local.toLocalDate())) {
            return false;
        }
        int m = local.getHour() * 60 + local.getMinute();
        for (BusinessHours.Period p : c.periods()) {
            int from = p.from().getHour() * 60 + p.from().getMinute();
            int to = p.to() == null ? 1440 : p.to().getHour() * 60 + p.to().getMinute();
            if (p.day() == local.getDayOfWeek() && m >= from && m < to) {
                return true;
            }
        }
        return false;
    }

    static Instant oracleDue(Case c) {
        Instant t = c.start();
        int counted = 0;
        for (int step = 0; step < ORACLE_CAP; step++, t = t.plusSeconds(60)) {
            if (oracleOpen(c, t) && ++counted == c.target()) {
                return t.plusSeconds(60);
            }
        }
        return null;
    }

    static int oracleOpenMinutes(Case c, int minutes) {
        int open = 0;
        Instant t = c.start();
        for (int i = 0; i < minutes; i++, t = t.plusSeconds(60)) {
            if (oracleOpen(c, t)) {
                open++;
            }
        }
        return open;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.oneOf(Arbitraries.of(TRICKY_ZONES),
                Arbitraries.of(new TreeSet<>(ZoneId.getAvailableZoneIds()))).map(ZoneId::of);
        Arbitrary<List<BusinessHours.Period>> periods = Arbitraries.integers().between(0, 1440).set().ofMaxSize(6)
                .list().ofSize(7).map(BusinessHoursPropertyTest::periods).filter(list -> !list.isEmpty());
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(zones, periods, seeds, Arbitraries.integers().between(1, 2_000),
                Arbitraries.integers().between(0, 6_000)).as((zone, ps, seed, target, window) -> {
                    java.util.Random random = new java.util.Random(seed);
                    Instant start = start(zone, random);
                    Set<LocalDate> holidays = new HashSet<>();
                    LocalDate day = LocalDateTime.ofInstant(start, zone).toLocalDate();
                    int count = random.nextInt(6);
                    for (int i = 0; i < count; i++) {
                        holidays.add(day.plusDays(random.nextInt(40) - 5));
                    }
                    return new Case(zone, ps, holidays, start, target, window);
                });
    }

    /** A minute between 2005 and 2035, often a few days around one of the zone's offset changes. */
    static Instant start(ZoneId zone, java.util.Random random) {
        long from = Instant.parse("2005-01-01T00:00:00Z").getEpochSecond() / 60;
        long to = Instant.parse("2035-01-01T00:00:00Z").getEpochSecond() / 60;
        Instant any = Instant.ofEpochSecond((from + (long) (random.nextDouble() * (to - from))) * 60);
        if (random.nextInt(10) < 4) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(any);
            if (next != null && next.getInstant().isBefore(Instant.parse("2036-01-01T00:00:00Z"))) {
                long shift = random.nextInt(3 * 24 * 60) - 2 * 24 * 60;
                return next.getInstant().plusSeconds(shift * 60);
            }
        }
        return any;
    }

    /** Per weekday, zero to three periods from sorted distinct minutes of 0..1440 (1440 is "24:00"). */
    static List<BusinessHours.Period> periods(List<Set<Integer>> pointsByDay) {
        List<BusinessHours.Period> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<Integer> points = new ArrayList<>(new TreeSet<>(pointsByDay.get(d)));
            for (int i = 0; i + 1 < points.size(); i += 2) {
                int a = points.get(i);
                int b = points.get(i + 1);
                out.add(new BusinessHours.Period(DayOfWeek.of(d + 1), LocalTime.of(a / 60, a % 60),
                        b == 1440 ? null : LocalTime.of(b / 60, b % 60)));
            }
        }
        assertThat(noOverlap(out)).isTrue();
        return out;
    }

    private static boolean noOverlap(List<BusinessHours.Period> periods) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                BusinessHours.Period a = periods.get(i);
                BusinessHours.Period b = periods.get(j);
                int af = a.from().toSecondOfDay(), at = a.to() == null ? 86400 : a.to().toSecondOfDay();
                int bf = b.from().toSecondOfDay(), bt = b.to() == null ? 86400 : b.to().toSecondOfDay();
                if (a.day() == b.day() && af < bt && bf < at) {
                    return false;
                }
            }
        }
        return true;
    }
}

package org.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business-time arithmetic, pure {@code java.time}: an instant is open when its wall-clock time in the zone
 * falls inside one of the periods of its weekday and its date is not a holiday. The minutes counted are real
 * minutes (a daylight-saving change inside open hours makes that day an hour shorter or longer; wall-clock times
 * that occur twice count twice). {@link #ALWAYS} is open around the clock.
 */
public final class BusinessHours {
    /** How far ahead a due time is looked for; beyond it there is none (a calendar that hardly ever opens). */
    static final Duration HORIZON = Duration.ofDays(366L * 60);

    /** A period of a day, wall-clock; {@code to} null means midnight at the end of the day ("24:00"). */
    public record Period(DayOfWeek day, LocalTime from, LocalTime to) {
        LocalDateTime start(LocalDate date) {
            return date.atTime(from);
        }

        LocalDateTime end(LocalDate date) {
            return to == null ? date.plusDays(1).atStartOfDay() : date.atTime(to);
        }
    }

    public static final BusinessHours ALWAYS = new BusinessHours(ZoneOffset.UTC, List.of(), Set.of());

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> byDay = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;
    private final boolean always;

    private BusinessHours(ZoneId zone, List<Period> periods, Set<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.always = periods.isEmpty();
        for (DayOfWeek d : DayOfWeek.values()) {
            byDay.put(d, periods.stream().filter(p -> p.day() == d).sorted(Comparator.comparing(Period::from)).toList());
        }
    }

    /** Business hours in a zone; the periods must not overlap (the calendar's validation sees to that). */
    public static BusinessHours of(ZoneId zone, List<Period> periods, Set<LocalDate> holidays) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one period");
        }
        return new BusinessHours(zone, periods, holidays);
    }

    /** Whether the instant is inside business hours. */
    public boolean isOpen(Instant t) {
        if (always) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        LocalDate date = local.toLocalDate();
        if (holidays.contains(date)) {
            return false;
        }
        for (Period p : byDay.get(date.getDayOfWeek())) {
            if (!local.isBefore(p.start(date)) && local.isBefore(p.end(date))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The earliest instant by which {@code amount} of business time has passed, counting from {@code start}
     * (from the next opening when it is closed then); {@code null} when that lies beyond {@link #HORIZON}.
     */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount");
        }
        if (always) {
            return start.plus(amount);
        }
        Instant[] found = {null};
        Duration[] left = {amount};
        forEachOpenRange(start, start.plus(HORIZON), (from, to) -> {
            Duration length = Duration.between(from, to);
            if (left[0].compareTo(length) <= 0) {
                found[0] = from.plus(left[0]);
                return false;
            }
            left[0] = left[0].minus(length);
            return true;
        });
        return found[0];
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        Duration[] sum = {Duration.ZERO};
        forEachOpenRange(from, to, (a, b) -> {
            sum[0] = sum[0].plus(Duration.between(a, b));
            return true;
        });
        return sum[0];
    }

    interface RangeVisitor {
        /** An open range [from, to); false stops the walk. */
        boolean visit(Instant from, Instant to);
    }

    /**
     * Walks the open ranges inside [start, limit), earliest first. Time is cut at the zone's offset transitions,
     * so inside each piece the wall clock runs evenly and a period's bounds convert exactly.
     */
    void forEachOpenRange(Instant start, Instant limit, RangeVisitor visitor) {
        ZoneRules rules = zone.getRules();
        Instant cursor = start;
        while (cursor.isBefore(limit)) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            Instant pieceEnd = next == null || next.getInstant().isAfter(limit) ? limit : next.getInstant();
            LocalDateTime localStart = LocalDateTime.ofInstant(cursor, offset);
            LocalDateTime localEnd = LocalDateTime.ofInstant(pieceEnd, offset);
            for (LocalDate date = localStart.toLocalDate(); !date.atStartOfDay().isAfter(localEnd)
                    && date.atStartOfDay().isBefore(localEnd); date = date.plusDays(1)) {
                if (holidays.contains(date)) {
                    continue;
                }
                for (Period p : byDay.get(date.getDayOfWeek())) {
                    LocalDateTime a = max(p.start(date), localStart);
                    LocalDateTime b = min(p.end(date), localEnd);
                    if (a.isBefore(b) && !visitor.visit(a.toInstant(offset), b.toInstant(offset))) {
                        return;
                    }
                }
            }
            cursor = pieceEnd;
        }
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return always ? "always" : zone + " " + byDay + " holidays " + holidays;
    }
}

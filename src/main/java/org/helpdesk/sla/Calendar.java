package org.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Business hours of an entity (API §11): periods per weekday in a time zone, and whole days off. */
@JsonPropertyOrder({"id", "entityId", "name", "timezone", "hours", "holidays", "createdAt"})
public record Calendar(UUID id, UUID entityId, String name, String timezone, List<Hours> hours, List<String> holidays,
                       Instant createdAt) {
    public static final int MAX_NAME = 100;
    public static final int MAX_PERIODS = 70;
    public static final int MAX_HOLIDAYS = 1000;

    /** One period: {@code "day": "mon".."sun"}, {@code "from": "09:00"}, {@code "to": "17:30"} (or "24:00"). */
    @JsonPropertyOrder({"day", "from", "to"})
    public record Hours(String day, String from, String to) {
        @JsonIgnore
        BusinessHours.Period period() {
            return new BusinessHours.Period(day(day), LocalTime.parse(from),
                    to.equals("24:00") ? null : LocalTime.parse(to));
        }

        static DayOfWeek day(String day) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().substring(0, 3).toLowerCase(Locale.ROOT).equals(day)) {
                    return d;
                }
            }
            throw new IllegalArgumentException(day);
        }
    }

    /** The arithmetic of these hours. */
    BusinessHours businessHours() {
        return BusinessHours.of(ZoneId.of(timezone), hours.stream().map(Hours::period).toList(),
                java.util.Set.copyOf(holidays.stream().map(LocalDate::parse).toList()));
    }
}

package org.helpdesk.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

import org.helpdesk.common.InvalidInput;

/**
 * What a support lead asks for: inclusive days {@code from}..{@code to} in {@code timezone}, bucketed by day or by
 * week (Monday to Sunday). Validates itself, so the API and the page share the rules of API §13.
 *
 * @param timezoneName the zone as the caller wrote it (echoed in the answer)
 */
public record ReportRequest(LocalDate from, LocalDate to, Interval interval, ZoneId timezone, String timezoneName) {
    /** At most this many days, counting both ends. */
    public static final int MAX_DAYS = 400;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public enum Interval {
        DAY, WEEK;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ReportRequest {
        if (from.isAfter(to)) {
            throw new InvalidInput("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInput("A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the query parameters of the summary route; {@code null} means the parameter was not given. */
    public static ReportRequest parse(String from, String to, String interval, String timezone) {
        LocalDate start = day(from, "from");
        LocalDate end = day(to, "to");
        Interval every = interval == null ? Interval.DAY : switch (interval) {
            case "day" -> Interval.DAY;
            case "week" -> Interval.WEEK;
            default -> throw new InvalidInput("interval must be day or week");
        };
        String zoneName = timezone == null ? "UTC" : timezone;
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone must be an IANA time zone such as Europe/Berlin");
        }
        return new ReportRequest(start, end, every, zone, zoneName);
    }

    private static LocalDate day(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value, DAY);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + " must be a date as YYYY-MM-DD");
        }
    }
}

package org.helpdesk.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.common.InvalidInput;

/**
 * The value of {@code created:} and {@code updated:}: {@code >} or {@code <} and a date ({@code 2026-01-31}, the
 * start of that day in UTC) or an age ({@code 7d}, {@code 12h}: that long before now).
 */
record TimeBound(boolean after, Instant at) {
    private static final Pattern VALUE = Pattern.compile("([<>])(?:(\\d{4}-\\d{2}-\\d{2})|(\\d{1,6})([dh]))");

    static TimeBound parse(String value, Instant now) {
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            throw new InvalidInput("use >DATE or <DATE, where DATE is YYYY-MM-DD, <n>d or <n>h (e.g. >2026-01-31, <7d)");
        }
        boolean after = m.group(1).equals(">");
        if (m.group(2) != null) {
            try {
                return new TimeBound(after, LocalDate.parse(m.group(2)).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                throw new InvalidInput(m.group(2) + " is not a date");
            }
        }
        long amount = Long.parseLong(m.group(3));
        Duration ago = m.group(4).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
        return new TimeBound(after, now.minus(ago));
    }
}

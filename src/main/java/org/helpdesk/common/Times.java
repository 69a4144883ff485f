package org.helpdesk.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The API speaks milliseconds in UTC; values are cut to that precision before they are stored. */
public final class Times {
    private Times() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static OffsetDateTime sql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A timestamp the caller sent (ISO-8601 with an offset, e.g. {@code 2030-01-31T09:00:00Z}), cut to
     * milliseconds; null stays null. With {@code dateAllowed} a bare date means its start, UTC.
     */
    public static Instant parse(String value, String field, boolean dateAllowed) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            if (dateAllowed && text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field + " must be an ISO-8601 timestamp such as 2030-01-31T09:00:00Z");
        }
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

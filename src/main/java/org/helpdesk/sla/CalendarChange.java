package org.helpdesk.sla;

import java.util.List;

/**
 * A merge-patch of a calendar: a {@code null} field is left as it is (empty holidays clear them). Merged with the
 * stored calendar it is checked whole, as a new calendar is.
 */
public record CalendarChange(String name, String timezone, List<Calendar.Hours> hours, List<String> holidays) {

    CalendarFields applyTo(Calendar c) {
        return new CalendarFields(name == null ? c.name() : name, timezone == null ? c.timezone() : timezone,
                hours == null ? c.hours() : hours, holidays == null ? c.holidays() : holidays);
    }
}

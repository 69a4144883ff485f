package org.helpdesk.sla;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/**
 * A calendar's fields, checked whole: the command of create, and what a change gives once merged with the stored
 * calendar. Hours come out sorted by day and start; holidays sorted and without repeats.
 */
public record CalendarFields(String name, String timezone, List<Calendar.Hours> hours, List<String> holidays) {
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    public CalendarFields {
        name = JsonInput.text(name, "name", Calendar.MAX_NAME);
        timezone = timezone(timezone);
        hours = hours(hours);
        holidays = holidays(holidays);
    }

    private static String timezone(String value) {
        if (value == null || !ZONES.contains(value.strip())) {
            throw new InvalidInput("timezone must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(value.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static List<Calendar.Hours> hours(List<Calendar.Hours> periods) {
        if (periods == null) {
            throw new InvalidInput("hours must be an array of {\"day\", \"from\", \"to\"}");
        }
        if (periods.isEmpty()) {
            throw new InvalidInput("hours must have at least one period");
        }
        if (periods.size() > Calendar.MAX_PERIODS) {
            throw new InvalidInput("hours may have at most " + Calendar.MAX_PERIODS + " periods");
        }
        List<Calendar.Hours> out = new ArrayList<>();
        for (Calendar.Hours period : periods) {
            String day = period.day();
            String from = period.from();
            String to = period.to();
            if (day == null || !DAYS.contains(day)) {
                throw new InvalidInput("hours: day must be one of mon, tue, wed, thu, fri, sat, sun");
            }
            if (from == null || !TIME.matcher(from).matches() || from.equals("24:00")) {
                throw new InvalidInput("hours: from must be a time from 00:00 to 23:59 (HH:MM)");
            }
            if (to == null || !TIME.matcher(to).matches()) {
                throw new InvalidInput("hours: to must be a time from 00:01 to 24:00 (HH:MM)");
            }
            if (!to.equals("24:00") && !LocalTime.parse(to).isAfter(LocalTime.parse(from))) {
                throw new InvalidInput("hours: to must be after from (" + day + " " + from + "-" + to + ")");
            }
            out.add(period);
        }
        out.sort(Comparator.comparingInt((Calendar.Hours h) -> DAYS.indexOf(h.day())).thenComparing(Calendar.Hours::from));
        for (int i = 1; i < out.size(); i++) {
            Calendar.Hours prev = out.get(i - 1);
            Calendar.Hours next = out.get(i);
            // "24:00" sorts after every other time, as it should
            if (prev.day().equals(next.day()) && prev.to().compareTo(next.from()) > 0) {
                throw new InvalidInput("hours must not overlap (" + next.day() + " " + prev.from() + "-" + prev.to()
                        + " and " + next.from() + "-" + next.to() + ")");
            }
        }
        return List.copyOf(out);
    }

    private static List<String> holidays(List<String> dates) {
        if (dates == null) {
            return List.of();
        }
        if (dates.size() > Calendar.MAX_HOLIDAYS) {
            throw new InvalidInput("holidays may have at most " + Calendar.MAX_HOLIDAYS + " dates");
        }
        TreeSet<String> out = new TreeSet<>();
        for (String date : dates) {
            if (date == null || !DATE.matcher(date).matches()) {
                throw new InvalidInput("holidays must be an array of dates (YYYY-MM-DD)");
            }
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidInput("holidays: " + date + " is not a date");
            }
            out.add(date);
        }
        return List.copyOf(out);
    }
}

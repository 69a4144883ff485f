package org.helpdesk.sla;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Priority;
import tools.jackson.databind.JsonNode;

/** Strict reading and checking of calendar and policy fields: every mistake is a sentence, nothing is coerced. */
final class SlaInput {
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private SlaInput() {
    }

    static String name(String value, int max) {
        return JsonInput.text(value, "name", max);
    }

    static String timezone(String value) {
        if (value == null || !ZONES.contains(value.strip())) {
            throw new InvalidInput("timezone must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(value.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone must be an IANA time zone such as Europe/Berlin");
        }
    }

    static List<Calendar.Hours> hours(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidInput("hours must be an array of {\"day\", \"from\", \"to\"}");
        }
        if (node.isEmpty()) {
            throw new InvalidInput("hours must have at least one period");
        }
        if (node.size() > Calendar.MAX_PERIODS) {
            throw new InvalidInput("hours may have at most " + Calendar.MAX_PERIODS + " periods");
        }
        List<Calendar.Hours> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new InvalidInput("hours must be an array of {\"day\", \"from\", \"to\"}");
            }
            JsonInput in = JsonInput.of(item);
            String day = in.string("day");
            if (day == null || !DAYS.contains(day)) {
                throw new InvalidInput("hours: day must be one of mon, tue, wed, thu, fri, sat, sun");
            }
            String from = in.string("from");
            String to = in.string("to");
            if (from == null || !TIME.matcher(from).matches() || from.equals("24:00")) {
                throw new InvalidInput("hours: from must be a time from 00:00 to 23:59 (HH:MM)");
            }
            if (to == null || !TIME.matcher(to).matches()) {
                throw new InvalidInput("hours: to must be a time from 00:01 to 24:00 (HH:MM)");
            }
            if (!to.equals("24:00") && !LocalTime.parse(to).isAfter(LocalTime.parse(from))) {
                throw new InvalidInput("hours: to must be after from (" + day + " " + from + "-" + to + ")");
            }
            out.add(new Calendar.Hours(day, from, to));
        }
        out.sort((a, b) -> DAYS.indexOf(a.day()) != DAYS.indexOf(b.day())
                ? Integer.compare(DAYS.indexOf(a.day()), DAYS.indexOf(b.day())) : a.from().compareTo(b.from()));
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

    static List<String> holidays(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInput("holidays must be an array of dates (YYYY-MM-DD)");
        }
        if (node.size() > Calendar.MAX_HOLIDAYS) {
            throw new InvalidInput("holidays may have at most " + Calendar.MAX_HOLIDAYS + " dates");
        }
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode item : node) {
            if (!item.isString() || !DATE.matcher(item.stringValue()).matches()) {
                throw new InvalidInput("holidays must be an array of dates (YYYY-MM-DD)");
            }
            try {
                LocalDate.parse(item.stringValue());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("holidays: " + item.stringValue() + " is not a date");
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }

    static int position(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new InvalidInput("position must be a whole number of 0 or more");
        }
        return node.intValue();
    }

    static SlaPolicy.Match match(JsonNode node) {
        if (node == null || node.isNull()) {
            return new SlaPolicy.Match(null, null, null);
        }
        if (!node.isObject()) {
            throw new InvalidInput("match must be an object with optional priority, categoryId and channel lists");
        }
        List<String> priorities = list(node.get("priority"), "match.priority", v -> Priority.parse(v, "match.priority").wire());
        List<String> categories = list(node.get("categoryId"), "match.categoryId", v -> Ids.parse(v, "match.categoryId").toString());
        List<String> channels = list(node.get("channel"), "match.channel", v -> Channel.parse(v, "match.channel").wire());
        return new SlaPolicy.Match(priorities, categories == null ? null : categories.stream().map(UUID::fromString).toList(),
                channels);
    }

    private static List<String> list(JsonNode node, String field, java.util.function.UnaryOperator<String> check) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInput(field + " must be a non-empty array of strings (leave it out to match any)");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new InvalidInput(field + " must be a non-empty array of strings (leave it out to match any)");
            }
            out.add(check.apply(item.stringValue()));
        }
        return List.copyOf(out);
    }

    static Map<String, SlaPolicy.Target> targets(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInput("targets must be an object by priority, e.g. {\"urgent\": {\"firstResponse\": 30}}");
        }
        Map<String, SlaPolicy.Target> given = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Priority priority = Priority.parse(e.getKey(), "targets");
            JsonNode t = e.getValue();
            if (t.isNull()) {
                continue;
            }
            if (!t.isObject()) {
                throw new InvalidInput("targets." + e.getKey() + " must be {\"firstResponse\": minutes, \"resolution\": minutes}");
            }
            given.put(priority.wire(), new SlaPolicy.Target(minutes(t.get("firstResponse"), e.getKey() + ".firstResponse"),
                    minutes(t.get("resolution"), e.getKey() + ".resolution")));
        }
        Map<String, SlaPolicy.Target> ordered = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            if (given.containsKey(p.wire())) {
                ordered.put(p.wire(), given.get(p.wire()));
            }
        }
        return ordered;
    }

    private static Integer minutes(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1
                || node.intValue() > SlaPolicy.MAX_MINUTES) {
            throw new InvalidInput("targets." + field + " must be a whole number of minutes from 1 to "
                    + SlaPolicy.MAX_MINUTES);
        }
        return node.intValue();
    }
}

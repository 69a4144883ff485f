package org.helpdesk.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of §11 into the commands: only the shapes (an array where an array belongs, strings,
 * whole numbers); the commands check the values. Nothing is coerced.
 */
final class SlaJson {
    private static final String HOURS = "hours must be an array of {\"day\", \"from\", \"to\"}";

    private SlaJson() {
    }

    static CalendarFields newCalendar(JsonNode body) {
        JsonInput in = JsonInput.of(body);
        return new CalendarFields(in.string("name"), in.string("timezone"), hours(body.get("hours")),
                holidays(body.get("holidays")));
    }

    /** {@code null} holidays mean none; the other fields cannot be {@code null}. */
    static CalendarChange calendarChange(JsonNode body) {
        JsonInput in = JsonInput.of(body);
        notNull(in, "name", "timezone", "hours");
        return new CalendarChange(in.string("name"), in.string("timezone"),
                in.has("hours") ? hours(body.get("hours")) : null,
                in.has("holidays") ? holidays(body.get("holidays")) : null);
    }

    static PolicyFields newPolicy(JsonNode body) {
        JsonInput in = JsonInput.of(body);
        return new PolicyFields(in.string("name"), position(body.get("position")), match(body.get("match")),
                in.uuid("calendarId"), targets(body.get("targets")));
    }

    /** {@code null} match is any ticket, {@code null} calendarId around the clock, {@code null} targets none. */
    static PolicyChange policyChange(JsonNode body) {
        JsonInput in = JsonInput.of(body);
        notNull(in, "name", "position");
        return new PolicyChange(in.string("name"), position(body.get("position")),
                in.has("match") ? match(body.get("match")) : null, in.uuid("calendarId"), in.isNull("calendarId"),
                in.has("targets") ? targets(body.get("targets")) : null);
    }

    private static void notNull(JsonInput in, String... fields) {
        for (String field : fields) {
            if (in.isNull(field)) {
                throw new InvalidInput(field + " cannot be null");
            }
        }
    }

    private static List<Calendar.Hours> hours(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidInput(HOURS);
        }
        List<Calendar.Hours> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new InvalidInput(HOURS);
            }
            JsonInput in = JsonInput.of(item);
            out.add(new Calendar.Hours(in.string("day"), in.string("from"), in.string("to")));
        }
        return out;
    }

    private static List<String> holidays(JsonNode node) {
        List<String> dates = JsonInput.strings(node, "holidays", "holidays must be an array of dates (YYYY-MM-DD)");
        return dates == null ? List.of() : dates;
    }

    private static Integer position(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInput("position must be a whole number of 0 or more");
        }
        return node.intValue();
    }

    private static SlaPolicy.Match match(JsonNode node) {
        if (node == null || node.isNull()) {
            return PolicyFields.ANY;
        }
        if (!node.isObject()) {
            throw new InvalidInput("match must be an object with optional priority, categoryId and channel lists");
        }
        List<String> categories = strings(node.get("categoryId"), "match.categoryId");
        return new SlaPolicy.Match(strings(node.get("priority"), "match.priority"),
                categories == null ? null : categories.stream().map(v -> Ids.parse(v, "match.categoryId")).toList(),
                strings(node.get("channel"), "match.channel"));
    }

    private static List<String> strings(JsonNode node, String field) {
        return JsonInput.strings(node, field,
                field + " must be a non-empty array of strings (leave it out to match any)");
    }

    private static Map<String, SlaPolicy.Target> targets(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidInput("targets must be an object by priority, e.g. {\"urgent\": {\"firstResponse\": 30}}");
        }
        Map<String, SlaPolicy.Target> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode t = e.getValue();
            if (t.isNull()) {
                out.put(e.getKey(), null);
                continue;
            }
            if (!t.isObject()) {
                throw new InvalidInput("targets." + e.getKey()
                        + " must be {\"firstResponse\": minutes, \"resolution\": minutes}");
            }
            out.put(e.getKey(), new SlaPolicy.Target(minutes(t.get("firstResponse"), e.getKey() + ".firstResponse"),
                    minutes(t.get("resolution"), e.getKey() + ".resolution")));
        }
        return out;
    }

    private static Integer minutes(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInput("targets." + field + " must be a whole number of minutes from 1 to "
                    + SlaPolicy.MAX_MINUTES);
        }
        return node.intValue();
    }
}

package org.helpdesk.sla;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Priority;

/**
 * An SLA policy's fields, checked whole except what needs the entity (its categories and calendars, which the use
 * case checks): the command of create, and what a change gives once merged. {@code position} {@code null} means
 * after the last policy; {@code calendarId} {@code null} means around the clock.
 */
public record PolicyFields(String name, Integer position, SlaPolicy.Match match, UUID calendarId,
                           Map<String, SlaPolicy.Target> targets) {
    public static final SlaPolicy.Match ANY = new SlaPolicy.Match(null, null, null);

    public PolicyFields {
        name = JsonInput.text(name, "name", SlaPolicy.MAX_NAME);
        if (position != null && position < 0) {
            throw new InvalidInput("position must be a whole number of 0 or more");
        }
        match = match == null ? ANY : new SlaPolicy.Match(
                list(match.priority(), "match.priority", v -> Priority.parse(v, "match.priority").wire()),
                match.categoryId() == null ? null : List.copyOf(new LinkedHashSet<>(nonEmpty(match.categoryId(),
                        "match.categoryId"))),
                list(match.channel(), "match.channel", v -> Channel.parse(v, "match.channel").wire()));
        targets = targets(targets);
    }

    private static List<String> list(List<String> values, String field, UnaryOperator<String> check) {
        if (values == null) {
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : nonEmpty(values, field)) {
            if (value == null) {
                throw new InvalidInput(field + " must be a non-empty array of strings (leave it out to match any)");
            }
            out.add(check.apply(value));
        }
        return List.copyOf(out);
    }

    private static <T> List<T> nonEmpty(List<T> values, String field) {
        if (values.isEmpty()) {
            throw new InvalidInput(field + " must be a non-empty array of strings (leave it out to match any)");
        }
        return values;
    }

    /** Keyed by priority and ordered as the priorities are; a priority with neither target is left out. */
    private static Map<String, SlaPolicy.Target> targets(Map<String, SlaPolicy.Target> given) {
        if (given == null) {
            return Map.of();
        }
        Map<String, SlaPolicy.Target> byPriority = new LinkedHashMap<>();
        for (Map.Entry<String, SlaPolicy.Target> e : given.entrySet()) {
            Priority priority = Priority.parse(e.getKey(), "targets");
            SlaPolicy.Target t = e.getValue();
            if (t != null) {
                byPriority.put(priority.wire(), new SlaPolicy.Target(minutes(t.firstResponse(), e.getKey()
                        + ".firstResponse"), minutes(t.resolution(), e.getKey() + ".resolution")));
            }
        }
        Map<String, SlaPolicy.Target> ordered = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            if (byPriority.containsKey(p.wire())) {
                ordered.put(p.wire(), byPriority.get(p.wire()));
            }
        }
        return ordered;
    }

    private static Integer minutes(Integer value, String field) {
        if (value != null && (value < 1 || value > SlaPolicy.MAX_MINUTES)) {
            throw new InvalidInput("targets." + field + " must be a whole number of minutes from 1 to "
                    + SlaPolicy.MAX_MINUTES);
        }
        return value;
    }
}

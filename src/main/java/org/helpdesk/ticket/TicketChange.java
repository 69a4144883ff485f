package org.helpdesk.ticket;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** STAND-IN for the core's TicketChange (issue 10); replaced by main's on merge. */
public final class TicketChange {
    final Map<String, Object> values;

    private TicketChange(Map<String, Object> values) {
        this.values = values;
    }

    public static TicketChange none() {
        return new TicketChange(Map.of());
    }

    private TicketChange with(String field, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(field, value);
        return new TicketChange(copy);
    }

    public TicketChange status(TicketStatus status) { return with("status", status); }
    public TicketChange priority(Priority priority) { return with("priority", priority); }
    public TicketChange categoryId(UUID id) { return with("categoryId", id); }
    public TicketChange assignedTo(UUID id) { return with("assignedTo", id); }

    TicketFields apply(TicketFields f) {
        return new TicketFields(f.subject(), f.description(),
                values.containsKey("status") ? (TicketStatus) values.get("status") : f.status(),
                values.containsKey("priority") ? (Priority) values.get("priority") : f.priority(), f.channel(),
                f.contactEmail(), f.contactName(),
                values.containsKey("categoryId") ? (UUID) values.get("categoryId") : f.categoryId(),
                values.containsKey("assignedTo") ? (UUID) values.get("assignedTo") : f.assignedTo());
    }
}

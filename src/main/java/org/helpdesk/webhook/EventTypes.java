package org.helpdesk.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.helpdesk.common.InvalidInput;

/** The event types a webhook may subscribe to (API §12), and the one check of a requested list. */
final class EventTypes {
    static final String ALL = "*";
    static final String PING = "ping";
    static final List<String> KNOWN = List.of("ticket.created", "ticket.updated", "ticket.merged", "message.created",
            "contact.created", "contact.updated", "contact.merged", "sla.breached");

    private EventTypes() {
    }

    /** A non-empty list of known types (duplicates dropped, order kept), or exactly {@code ["*"]}. */
    static List<String> check(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInput("events must be a non-empty list of event types, or [\"*\"]");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !(KNOWN.contains(type) || ALL.equals(type))) {
                throw new InvalidInput("events: unknown event type '" + type + "'; use " + String.join(", ", KNOWN)
                        + " or \"*\"");
            }
            out.add(type);
        }
        if (out.contains(ALL) && out.size() > 1) {
            throw new InvalidInput("events: \"*\" stands alone; it already means every event type");
        }
        return List.copyOf(new ArrayList<>(out));
    }
}

package org.helpdesk.ticket;

import java.util.List;
import java.util.UUID;

/** The fields of a ticket that callers set on create and change with PATCH. */
record TicketFields(String subject, String description, TicketStatus status, Priority priority, Channel channel,
                    String contactEmail, String contactName, UUID categoryId, UUID assignedTo, UUID contactId,
                    List<String> tags) {

    TicketFields withContact(String email, String name, UUID id) {
        return new TicketFields(subject, description, status, priority, channel, email, name, categoryId, assignedTo,
                id, tags);
    }
}

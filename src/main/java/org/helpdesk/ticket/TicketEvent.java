package org.helpdesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a ticket's history (API §5), and the domain event published with it. It is stored in the
 * transaction of the change, and published in that transaction too: Spring Modulith's event publication
 * registry keeps it for every after-commit listener until that listener has handled it (the outbox).
 *
 * @param changes for {@link EventType#UPDATED}, field name to its old and new value, in field order
 */
@JsonPropertyOrder({"id", "entityId", "ticketId", "type", "actorType", "actorId", "actorName", "changes", "messageId", "createdAt"})
public record TicketEvent(UUID id, UUID entityId, UUID ticketId, EventType type, AuthorType actorType,
                          UUID actorId, String actorName, Map<String, FieldChange> changes, UUID messageId,
                          Instant createdAt) {

    public TicketEvent {
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }
}

package org.helpdesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** STAND-IN for the core's TicketEvent (issue 10); replaced by main's on merge. */
public record TicketEvent(UUID id, UUID entityId, UUID ticketId, EventType type, AuthorType actorType, UUID actorId,
                          String actorName, Map<String, FieldChange> changes, UUID messageId, Instant createdAt) {
    public enum EventType { CREATED, UPDATED, MESSAGE_ADDED }

    public record FieldChange(Object from, Object to) {
    }
}

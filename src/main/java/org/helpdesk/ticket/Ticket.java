package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A ticket, and the one place of its lifecycle rules: which status a change or a message leads to, and the
 * server-owned timestamps (updatedAt, firstResponseAt, resolvedAt, closedAt) that follow from it.
 * Instances are immutable; every rule returns the ticket as it is afterwards.
 */
@JsonPropertyOrder({"id", "entityId", "ticketNumber", "subject", "description", "status", "priority", "channel",
        "contactEmail", "contactName", "categoryId", "createdBy", "assignedTo", "createdAt", "updatedAt",
        "firstResponseAt", "resolvedAt", "closedAt"})
public record Ticket(UUID id, UUID entityId, @JsonIgnore long number, String subject, String description,
                     TicketStatus status, Priority priority, Channel channel, String contactEmail,
                     String contactName, UUID categoryId, UUID createdBy, UUID assignedTo, Instant createdAt,
                     Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt) {

    static final String NUMBER_PREFIX = "HD-";

    @JsonProperty("ticketNumber")
    public String ticketNumber() {
        return NUMBER_PREFIX + number;
    }

    /** A new ticket; a requested status other than {@code new} is applied through the same rules as a change. */
    static Ticket create(UUID id, UUID entityId, long number, TicketFields fields, UUID createdBy, Instant now) {
        Ticket ticket = new Ticket(id, entityId, number, fields.subject(), fields.description(), TicketStatus.NEW,
                fields.priority(), fields.channel(), fields.contactEmail(), fields.contactName(),
                fields.categoryId(), createdBy, fields.assignedTo(), now, now, null, null, null);
        return ticket.withStatus(fields.status(), now);
    }

    /** The agent-editable fields of this ticket. */
    TicketFields fields() {
        return new TicketFields(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, assignedTo);
    }

    /** Applies edited fields; updatedAt moves only if something actually changed. */
    Ticket edit(TicketFields changed, Instant now) {
        if (changed.equals(fields())) {
            return this;
        }
        Ticket edited = new Ticket(id, entityId, number, changed.subject(), changed.description(), status,
                changed.priority(), changed.channel(), changed.contactEmail(), changed.contactName(),
                changed.categoryId(), createdBy, changed.assignedTo(), createdAt, now, firstResponseAt, resolvedAt,
                closedAt);
        return edited.withStatus(changed.status(), now).touched(now);
    }

    /**
     * Status rules: becoming {@code resolved} stamps resolvedAt; becoming {@code closed} stamps closedAt, and
     * resolvedAt too if the ticket was never resolved; going back to new/open/pending clears both.
     */
    Ticket withStatus(TicketStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Instant resolved = resolvedAt;
        Instant closed = closedAt;
        switch (to) {
            case RESOLVED -> {
                resolved = now;
                closed = null;
            }
            case CLOSED -> {
                if (resolved == null) {
                    resolved = now;
                }
                closed = now;
            }
            case NEW, OPEN, PENDING -> {
                resolved = null;
                closed = null;
            }
        }
        return new Ticket(id, entityId, number, subject, description, to, priority, channel, contactEmail,
                contactName, categoryId, createdBy, assignedTo, createdAt, now, firstResponseAt, resolved, closed);
    }

    /**
     * Message rules: the first public agent message stamps firstResponseAt and moves a new ticket to open;
     * a contact writing on a pending, resolved or closed ticket reopens it. Every message moves updatedAt.
     */
    Ticket afterMessage(AuthorType author, boolean internal, Instant now) {
        Ticket ticket = this;
        if (author == AuthorType.AGENT && !internal) {
            if (firstResponseAt == null) {
                ticket = ticket.withFirstResponse(now);
            }
            if (status == TicketStatus.NEW) {
                ticket = ticket.withStatus(TicketStatus.OPEN, now);
            }
        }
        if (author == AuthorType.CONTACT && (status == TicketStatus.PENDING || status == TicketStatus.RESOLVED
                || status == TicketStatus.CLOSED)) {
            ticket = ticket.withStatus(TicketStatus.OPEN, now);
        }
        return ticket.touched(now);
    }

    private Ticket withFirstResponse(Instant now) {
        return new Ticket(id, entityId, number, subject, description, status, priority, channel, contactEmail,
                contactName, categoryId, createdBy, assignedTo, createdAt, updatedAt, now, resolvedAt, closedAt);
    }

    private Ticket touched(Instant now) {
        return new Ticket(id, entityId, number, subject, description, status, priority, channel, contactEmail,
                contactName, categoryId, createdBy, assignedTo, createdAt, now, firstResponseAt, resolvedAt, closedAt);
    }
}

package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A ticket: what it is about, who it is for ({@link Contact}), where it is filed and who has it
 * ({@link Assignment}), and where it stands ({@link Lifecycle}, with the status rules). Immutable; the JSON
 * is flat, as API §3 shows it.
 */
@JsonPropertyOrder({"id", "entityId", "ticketNumber", "subject", "description", "status", "priority", "channel",
        "contactEmail", "contactName", "categoryId", "createdBy", "assignedTo", "createdAt", "updatedAt",
        "firstResponseAt", "resolvedAt", "closedAt"})
public record Ticket(UUID id, UUID entityId, @JsonIgnore long number, String subject, String description,
                     Priority priority, Channel channel, @JsonIgnore Contact contact,
                     @JsonIgnore Assignment assignment, UUID createdBy, @JsonIgnore Lifecycle lifecycle) {

    static final String NUMBER_PREFIX = TicketNumber.PREFIX;

    /** A new ticket; a requested status other than {@code new} is applied through the same rules as a change. */
    static Ticket create(UUID id, UUID entityId, long number, TicketFields fields, UUID createdBy, Instant now) {
        return new Ticket(id, entityId, number, fields.subject(), fields.description(), fields.priority(),
                fields.channel(), new Contact(fields.contactEmail(), fields.contactName()),
                new Assignment(fields.categoryId(), fields.assignedTo()), createdBy,
                Lifecycle.opened(now).moveTo(fields.status(), now));
    }

    /** The agent-editable fields of this ticket. */
    TicketFields fields() {
        return new TicketFields(subject, description, status(), priority, channel, contact.email(), contact.name(),
                assignment.categoryId(), assignment.assignedTo());
    }

    /** Applies edited fields; updatedAt moves only if something actually changed. */
    Ticket edit(TicketFields changed, Instant now) {
        if (changed.equals(fields())) {
            return this;
        }
        return new Ticket(id, entityId, number, changed.subject(), changed.description(), changed.priority(),
                changed.channel(), new Contact(changed.contactEmail(), changed.contactName()),
                new Assignment(changed.categoryId(), changed.assignedTo()), createdBy,
                lifecycle.moveTo(changed.status(), now).touched(now));
    }

    /** What a new message does to the ticket (see {@link Lifecycle#afterMessage}). */
    Ticket afterMessage(AuthorType author, boolean internal, Instant now) {
        return withLifecycle(lifecycle.afterMessage(author, internal, now));
    }

    private Ticket withLifecycle(Lifecycle next) {
        return new Ticket(id, entityId, number, subject, description, priority, channel, contact, assignment,
                createdBy, next);
    }

    @JsonProperty("ticketNumber")
    public String ticketNumber() {
        return NUMBER_PREFIX + number;
    }

    @JsonProperty
    public TicketStatus status() {
        return lifecycle.status();
    }

    @JsonProperty
    public String contactEmail() {
        return contact.email();
    }

    @JsonProperty
    public String contactName() {
        return contact.name();
    }

    @JsonProperty
    public UUID categoryId() {
        return assignment.categoryId();
    }

    @JsonProperty
    public UUID assignedTo() {
        return assignment.assignedTo();
    }

    @JsonProperty
    public Instant createdAt() {
        return lifecycle.createdAt();
    }

    @JsonProperty
    public Instant updatedAt() {
        return lifecycle.updatedAt();
    }

    @JsonProperty
    public Instant firstResponseAt() {
        return lifecycle.firstResponseAt();
    }

    @JsonProperty
    public Instant resolvedAt() {
        return lifecycle.resolvedAt();
    }

    @JsonProperty
    public Instant closedAt() {
        return lifecycle.closedAt();
    }
}

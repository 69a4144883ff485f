package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
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
        "contactEmail", "contactName", "contactId", "categoryId", "createdBy", "assignedTo", "createdAt", "updatedAt",
        "firstResponseAt", "resolvedAt", "closedAt", "tags", "mergedInto", "sla"})
public record Ticket(UUID id, UUID entityId, @JsonIgnore long number, String subject, String description,
                     Priority priority, Channel channel, @JsonIgnore Contact contact,
                     @JsonIgnore Assignment assignment, UUID createdBy, @JsonIgnore Lifecycle lifecycle,
                     List<String> tags, UUID mergedInto, TicketSla sla) {

    public Ticket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A ticket without tags, merge or SLA state. */
    public Ticket(UUID id, UUID entityId, long number, String subject, String description, Priority priority,
                  Channel channel, Contact contact, Assignment assignment, UUID createdBy, Lifecycle lifecycle) {
        this(id, entityId, number, subject, description, priority, channel, contact, assignment, createdBy, lifecycle,
                List.of(), null, null);
    }

    /** A ticket without SLA state yet (the use cases fill it in through {@link ServiceLevels}). */
    public Ticket(UUID id, UUID entityId, long number, String subject, String description, Priority priority,
                  Channel channel, Contact contact, Assignment assignment, UUID createdBy, Lifecycle lifecycle,
                  List<String> tags, UUID mergedInto) {
        this(id, entityId, number, subject, description, priority, channel, contact, assignment, createdBy, lifecycle,
                tags, mergedInto, null);
    }

    /** The same ticket with this SLA state. */
    Ticket withSla(TicketSla next) {
        return new Ticket(id, entityId, number, subject, description, priority, channel, contact, assignment,
                createdBy, lifecycle, tags, mergedInto, next);
    }

    static final String NUMBER_PREFIX = TicketNumber.PREFIX;

    /** A new ticket; a requested status other than {@code new} is applied through the same rules as a change. */
    static Ticket create(UUID id, UUID entityId, long number, TicketFields fields, UUID createdBy, Instant now) {
        return new Ticket(id, entityId, number, fields.subject(), fields.description(), fields.priority(),
                fields.channel(), new Contact(fields.contactEmail(), fields.contactName(), fields.contactId()),
                new Assignment(fields.categoryId(), fields.assignedTo()), createdBy,
                Lifecycle.opened(now).moveTo(fields.status(), now), fields.tags(), null);
    }

    /** The agent-editable fields of this ticket. */
    TicketFields fields() {
        return new TicketFields(subject, description, status(), priority, channel, contact.email(), contact.name(),
                assignment.categoryId(), assignment.assignedTo(), contact.id(), tags);
    }

    /** Applies edited fields; updatedAt moves only if something actually changed. */
    Ticket edit(TicketFields changed, Instant now) {
        if (changed.equals(fields())) {
            return this;
        }
        return new Ticket(id, entityId, number, changed.subject(), changed.description(), changed.priority(),
                changed.channel(), new Contact(changed.contactEmail(), changed.contactName(), changed.contactId()),
                new Assignment(changed.categoryId(), changed.assignedTo()), createdBy,
                lifecycle.moveTo(changed.status(), now).touched(now), changed.tags(), mergedInto, sla);
    }

    /** What a new message does to the ticket (see {@link Lifecycle#afterMessage}). */
    Ticket afterMessage(AuthorType author, boolean internal, Instant now) {
        return withLifecycle(lifecycle.afterMessage(author, internal, now));
    }

    private Ticket withLifecycle(Lifecycle next) {
        return new Ticket(id, entityId, number, subject, description, priority, channel, contact, assignment,
                createdBy, next, tags, mergedInto, sla);
    }

    /** Merged into {@code target} (API §10): closed, and from now on refusing changes and messages. */
    Ticket mergeInto(Ticket target, Instant now) {
        return new Ticket(id, entityId, number, subject, description, priority, channel, contact, assignment,
                createdBy, lifecycle.moveTo(TicketStatus.CLOSED, now).touched(now), tags, target.id(), sla);
    }

    /** Something happened to the ticket that changes none of its fields (it received merged messages). */
    Ticket touched(Instant now) {
        return withLifecycle(lifecycle.touched(now));
    }

    /** A merged ticket takes no changes and no messages. */
    void requireNotMerged() {
        if (mergedInto != null) {
            throw new TicketMerged(ticketNumber());
        }
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
    public UUID contactId() {
        return contact.id();
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

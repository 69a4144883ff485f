package org.helpdesk.ticket;

import java.util.Objects;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;

/**
 * A merge-patch of a ticket: fields not named stay as they are; description, contactEmail, contactName,
 * categoryId and assignedTo may be set to {@code null} (cleared). Each setter validates its value, so a
 * change that exists is a valid one. Immutable: every setter returns a new change.
 */
public final class TicketChange {
    private static final Object UNSET = new Object();
    private static final TicketChange NONE = new TicketChange(UNSET, UNSET, UNSET, UNSET, UNSET, UNSET, UNSET,
            UNSET, UNSET, UNSET);

    private final Object subject;
    private final Object description;
    private final Object status;
    private final Object priority;
    private final Object channel;
    private final Object contactEmail;
    private final Object contactName;
    private final Object categoryId;
    private final Object assignedTo;
    private final Object contactId;

    private TicketChange(Object subject, Object description, Object status, Object priority, Object channel,
                         Object contactEmail, Object contactName, Object categoryId, Object assignedTo,
                         Object contactId) {
        this.subject = subject;
        this.description = description;
        this.status = status;
        this.priority = priority;
        this.channel = channel;
        this.contactEmail = contactEmail;
        this.contactName = contactName;
        this.categoryId = categoryId;
        this.assignedTo = assignedTo;
        this.contactId = contactId;
    }

    /** Changes nothing. */
    public static TicketChange none() {
        return NONE;
    }

    public TicketChange subject(String value) {
        return new TicketChange(TextRules.subject(value), description, status, priority, channel, contactEmail,
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange description(String value) {
        return new TicketChange(subject, TextRules.description(value), status, priority, channel, contactEmail,
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange status(TicketStatus value) {
        return new TicketChange(subject, description, required(value, "status"), priority, channel, contactEmail,
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange priority(Priority value) {
        return new TicketChange(subject, description, status, required(value, "priority"), channel, contactEmail,
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange channel(Channel value) {
        return new TicketChange(subject, description, status, priority, required(value, "channel"), contactEmail,
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange contactEmail(String value) {
        return new TicketChange(subject, description, status, priority, channel, TextRules.contactEmail(value),
                contactName, categoryId, assignedTo, contactId);
    }

    public TicketChange contactName(String value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail,
                TextRules.name(value, "contactName"), categoryId, assignedTo, contactId);
    }

    /** {@code null} takes the ticket out of its category. */
    public TicketChange categoryId(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName, value,
                assignedTo, contactId);
    }

    /** {@code null} unassigns the ticket. */
    public TicketChange assignedTo(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, value, contactId);
    }

    /** Links the ticket to this contact (its address and name follow); {@code null} takes the contact off. */
    public TicketChange contactId(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, assignedTo, value);
    }

    /** Whether the change names the contact by id, and whether it names an address or a name. */
    boolean setsContactId() {
        return contactId != UNSET;
    }

    boolean setsContactEmail() {
        return contactEmail != UNSET;
    }

    boolean setsContactName() {
        return contactName != UNSET;
    }

    public boolean isEmpty() {
        return this == NONE || (subject == UNSET && description == UNSET && status == UNSET && priority == UNSET
                && channel == UNSET && contactEmail == UNSET && contactName == UNSET && categoryId == UNSET
                && assignedTo == UNSET && contactId == UNSET);
    }

    /** The fields {@code current} would have after this change. */
    TicketFields applyTo(TicketFields current) {
        return new TicketFields(
                pick(subject, current.subject()), pick(description, current.description()),
                pick(status, current.status()), pick(priority, current.priority()), pick(channel, current.channel()),
                pick(contactEmail, current.contactEmail()), pick(contactName, current.contactName()),
                pick(categoryId, current.categoryId()), pick(assignedTo, current.assignedTo()),
                pick(contactId, current.contactId()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(Object change, T current) {
        return change == UNSET ? current : (T) change;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInput(field + " cannot be null");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketChange c && Objects.equals(subject, c.subject)
                && Objects.equals(description, c.description) && Objects.equals(status, c.status)
                && Objects.equals(priority, c.priority) && Objects.equals(channel, c.channel)
                && Objects.equals(contactEmail, c.contactEmail) && Objects.equals(contactName, c.contactName)
                && Objects.equals(categoryId, c.categoryId) && Objects.equals(assignedTo, c.assignedTo)
                && Objects.equals(contactId, c.contactId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, description, status, priority, channel, contactEmail, contactName, categoryId,
                assignedTo, contactId);
    }
}

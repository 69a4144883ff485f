package org.helpdesk.ticket;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
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
            UNSET, UNSET, UNSET, TagEdit.NONE);

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
    private final TagEdit tags;

    /** What a change does to the tags: replace them ({@code set}), then add and remove some (macros). */
    private record TagEdit(List<String> set, List<String> add, List<String> remove) {
        static final TagEdit NONE = new TagEdit(null, List.of(), List.of());

        boolean isEmpty() {
            return set == null && add.isEmpty() && remove.isEmpty();
        }

        List<String> applyTo(List<String> current) {
            if (isEmpty()) {
                return current;
            }
            TreeSet<String> out = new TreeSet<>(set == null ? current : set);
            out.addAll(add);
            out.removeAll(remove);
            return Tags.limited(List.copyOf(out));
        }
    }

    private TicketChange(Object subject, Object description, Object status, Object priority, Object channel,
                         Object contactEmail, Object contactName, Object categoryId, Object assignedTo,
                         Object contactId, TagEdit tags) {
        this.tags = tags;
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
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange description(String value) {
        return new TicketChange(subject, TextRules.description(value), status, priority, channel, contactEmail,
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange status(TicketStatus value) {
        return new TicketChange(subject, description, required(value, "status"), priority, channel, contactEmail,
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange priority(Priority value) {
        return new TicketChange(subject, description, status, required(value, "priority"), channel, contactEmail,
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange channel(Channel value) {
        return new TicketChange(subject, description, status, priority, required(value, "channel"), contactEmail,
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange contactEmail(String value) {
        return new TicketChange(subject, description, status, priority, channel, TextRules.contactEmail(value),
                contactName, categoryId, assignedTo, contactId, tags);
    }

    public TicketChange contactName(String value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail,
                TextRules.name(value, "contactName"), categoryId, assignedTo, contactId, tags);
    }

    /** {@code null} takes the ticket out of its category. */
    public TicketChange categoryId(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName, value,
                assignedTo, contactId, tags);
    }

    /** {@code null} unassigns the ticket. */
    public TicketChange assignedTo(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, value, contactId, tags);
    }

    /** Links the ticket to this contact (its address and name follow); {@code null} takes the contact off. */
    public TicketChange contactId(UUID value) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, assignedTo, value, tags);
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
                
    /** Replaces the tags (each checked and lower-cased, duplicates collapse, at most 20). */
    public TicketChange tags(List<String> value) {
        return withTags(new TagEdit(Tags.ofTicket(value, "tags"), tags.add(), tags.remove()));
    }

    /** Adds these tags to whatever the ticket holds when the change is applied (at most 20 in the end). */
    public TicketChange addTags(List<String> value) {
        return withTags(new TagEdit(tags.set(), Tags.normalize(value, "addTags"), tags.remove()));
    }

    /** Removes these tags from whatever the ticket holds when the change is applied. */
    public TicketChange removeTags(List<String> value) {
        return withTags(new TagEdit(tags.set(), tags.add(), Tags.normalize(value, "removeTags")));
    }

    private TicketChange withTags(TagEdit edit) {
        return new TicketChange(subject, description, status, priority, channel, contactEmail, contactName,
                categoryId, assignedTo, contactId, edit);
    }

    public boolean isEmpty() {
        return this == NONE || (tags.isEmpty() && subject == UNSET && description == UNSET && status == UNSET && priority == UNSET
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
                pick(contactId, current.contactId()), tags.applyTo(current.tags()));
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
                && Objects.equals(contactId, c.contactId)
                && tags.equals(c.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, description, status, priority, channel, contactEmail, contactName, categoryId,
                assignedTo, contactId, tags);
    }
}

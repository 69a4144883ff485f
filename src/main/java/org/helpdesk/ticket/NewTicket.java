package org.helpdesk.ticket;

import java.util.List;
import java.util.UUID;

/**
 * A ticket to open. Validates itself: subject 1–255 characters after trimming, description up to 100,000,
 * contactEmail shaped like an address, names up to 255. {@code null} status, priority and channel take their
 * defaults (new, normal, the actor's channel); categoryId and assignedTo are checked against the entity by
 * {@link TicketManagement}.
 */
public record NewTicket(String subject, String description, TicketStatus status, Priority priority,
                        Channel channel, String contactEmail, String contactName, UUID categoryId,
                        UUID assignedTo, UUID contactId, List<String> tags) {

    public NewTicket {
        tags = tags == null ? List.of() : Tags.ofTicket(tags, "tags");
        subject = TextRules.subject(subject);
        description = TextRules.description(description);
        contactEmail = TextRules.contactEmail(contactEmail);
        contactName = TextRules.name(contactName, "contactName");
    }

    /** A ticket without a contact id (the contact, if any, is found or made by its address) and without tags. */
    public NewTicket(String subject, String description, TicketStatus status, Priority priority, Channel channel,
                     String contactEmail, String contactName, UUID categoryId, UUID assignedTo) {
        this(subject, description, status, priority, channel, contactEmail, contactName, categoryId, assignedTo,
                null, List.of());
    }

    /** A ticket linked to this contact, without tags. */
    public NewTicket(String subject, String description, TicketStatus status, Priority priority, Channel channel,
                     String contactEmail, String contactName, UUID categoryId, UUID assignedTo, UUID contactId) {
        this(subject, description, status, priority, channel, contactEmail, contactName, categoryId, assignedTo,
                contactId, List.of());
    }

    /** A ticket with tags and no contact id. */
    public NewTicket(String subject, String description, TicketStatus status, Priority priority, Channel channel,
                     String contactEmail, String contactName, UUID categoryId, UUID assignedTo, List<String> tags) {
        this(subject, description, status, priority, channel, contactEmail, contactName, categoryId, assignedTo,
                null, tags);
    }

    /** The simplest ticket: a subject and what the contact wrote. */
    public static NewTicket of(String subject, String description) {
        return new NewTicket(subject, description, null, null, null, null, null, null, null);
    }

    TicketFields fields(Channel defaultChannel) {
        return new TicketFields(subject, description, status == null ? TicketStatus.NEW : status,
                priority == null ? Priority.NORMAL : priority, channel == null ? defaultChannel : channel,
                contactEmail, contactName, categoryId, assignedTo, contactId, tags);
    }
}

package org.helpdesk.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * Who acts on a ticket, in which entity, through which channel: an agent (a signed-in user, or the user who
 * created the API key), a contact (a customer writing by email or through an integration), or the system.
 * Every use case takes one, so the API, the pages, the mail poller and scheduled jobs share the same rules.
 *
 * @param name for a contact {@code null} means "the ticket's contact name or email"
 */
public record Actor(UUID entityId, AuthorType type, UUID userId, String name, Channel channel) {

    public Actor {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        if (type == AuthorType.AGENT) {
            Objects.requireNonNull(userId, "an agent is a user");
        } else if (userId != null) {
            throw new IllegalArgumentException("only agents are users");
        }
    }

    public static Actor agent(UUID entityId, UUID userId, String name, Channel channel) {
        return new Actor(entityId, AuthorType.AGENT, userId, name, channel);
    }

    public static Actor contact(UUID entityId, String name, Channel channel) {
        return new Actor(entityId, AuthorType.CONTACT, null, name, channel);
    }

    public static Actor system(UUID entityId, String name) {
        return new Actor(entityId, AuthorType.SYSTEM, null, name == null ? "System" : name, Channel.API);
    }

    /** The same actor under another display name (an API caller may name the author of a message). */
    public Actor named(String otherName) {
        return otherName == null ? this : new Actor(entityId, type, userId, otherName, channel);
    }

    /** The name shown for this actor on {@code ticket}: a contact without a name is the ticket's contact. */
    String displayName(Ticket ticket) {
        if (name != null) {
            return name;
        }
        return switch (type) {
            case AGENT -> "Agent";
            case CONTACT -> ticket.contactName() != null ? ticket.contactName()
                    : ticket.contactEmail() != null ? ticket.contactEmail() : "Contact";
            case SYSTEM -> "System";
        };
    }
}

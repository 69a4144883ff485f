package org.helpdesk.ticket;

import java.util.UUID;

/**
 * A public agent message was queued to go out by email (its {@code delivery} is {@code queued}). Published in the
 * message's transaction, only for such messages, so only they leave a row in the outbox (the event publication
 * registry): a reply of an entity without a mailbox costs no publication insert and delete.
 */
public record MailQueued(UUID entityId, UUID ticketId, UUID messageId) {
}

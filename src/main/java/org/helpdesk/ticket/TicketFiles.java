package org.helpdesk.ticket;

import java.util.List;
import java.util.UUID;

/**
 * The files of tickets, as the ticket core needs them, provided by the attachment module (which owns the files and
 * their storage): the core claims uploads for a new ticket or message inside its transaction, and lists a ticket's
 * files to show them. Without the module, tickets have no files.
 */
public interface TicketFiles {
    /**
     * Attaches the uploads to the ticket ({@code messageId} null: to its description), in the caller's transaction.
     * An id that is not an unattached upload of the entity is {@code InvalidInput}; files over the per-message
     * total are {@code TooLarge}.
     */
    void claim(UUID entityId, UUID ticketId, UUID messageId, List<UUID> uploadIds);

    /** Every file of the ticket, its description's and its messages', oldest first. */
    List<AttachedFile> ofTicket(UUID entityId, UUID ticketId);
}

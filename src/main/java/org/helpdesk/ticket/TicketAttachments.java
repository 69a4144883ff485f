package org.helpdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets and messages with files (API §8): the use cases of {@link TicketManagement}, with the uploads claimed
 * through {@link TicketFiles} in the same transaction, so a refused file leaves no ticket or message behind.
 */
@Service
public class TicketAttachments {
    public static final int MAX_FILES = 20;

    private final TicketManagement tickets;
    private final ObjectProvider<TicketFiles> files;

    TicketAttachments(TicketManagement tickets, ObjectProvider<TicketFiles> files) {
        this.tickets = tickets;
        this.files = files;
    }

    @Transactional
    public Ticket create(Actor actor, NewTicket command, List<UUID> uploads) {
        Ticket ticket = tickets.create(actor, command);
        claim(actor.entityId(), ticket.id(), null, uploads);
        return ticket;
    }

    @Transactional
    public Message addMessage(Actor actor, UUID ticketId, NewMessage command, List<UUID> uploads) {
        return addMessage(actor, ticketId, command, uploads, null);
    }

    /** The same for a message that came in by email from {@code fromAddress}. */
    @Transactional
    public Message addMessage(Actor actor, UUID ticketId, NewMessage command, List<UUID> uploads,
                              String fromAddress) {
        Message message = tickets.addMessage(actor, ticketId, command, fromAddress);
        claim(actor.entityId(), ticketId, message.id(), uploads);
        return message;
    }

    /** Every file of the ticket, oldest first (empty without the attachment module). */
    public List<AttachedFile> files(UUID entityId, UUID ticketId) {
        TicketFiles provider = files.getIfAvailable();
        return provider == null ? List.of() : provider.ofTicket(entityId, ticketId);
    }

    /** The files by message id; the description's under the key {@code null} is left out: see {@link #ofDescription}. */
    public static Map<UUID, List<AttachedFile>> byMessage(List<AttachedFile> all) {
        return all.stream().filter(f -> f.messageId() != null)
                .collect(Collectors.groupingBy(AttachedFile::messageId));
    }

    public static List<AttachedFile> ofDescription(List<AttachedFile> all) {
        return all.stream().filter(f -> f.messageId() == null).toList();
    }

    private void claim(UUID entityId, UUID ticketId, UUID messageId, List<UUID> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return;
        }
        TicketFiles provider = files.getIfAvailable();
        if (provider == null) {
            throw new org.helpdesk.common.InvalidInput("attachments are not available on this server");
        }
        provider.claim(entityId, ticketId, messageId, uploads);
    }
}

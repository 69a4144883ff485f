package org.helpdesk.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.helpdesk.ticket.AttachedFile;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.Message;
import org.helpdesk.ticket.TicketAttachments;

import org.helpdesk.ticket.TicketEvent;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ticket core's events as webhook events. The listener runs inside the transaction of the change (a plain
 * {@code @EventListener}: the ticket core publishes {@link TicketEvent} there), so the ticket it reads is the
 * ticket right after the change, and the deliveries commit with it.
 */
@Component
class TicketWebhooks {
    private final WebhookEvents events;
    private final TicketManagement tickets;
    private final TicketAttachments files;

    TicketWebhooks(WebhookEvents events, TicketManagement tickets, TicketAttachments files) {
        this.events = events;
        this.tickets = tickets;
        this.files = files;
    }

    /** A message as the API shows it: its fields, then its files. */
    record MessageWithFiles(@JsonUnwrapped Message message, List<AttachedFile> attachments) {
    }

    @EventListener
    void on(TicketEvent event) {
        if (event.type() == EventType.MESSAGE_ADDED && TransactionSynchronizationManager.isSynchronizationActive()) {
            // the files of a new message are claimed after the message is written, in the same transaction:
            // record the event just before that transaction commits, so data.message carries them
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    record(event);
                }
            });
            return;
        }
        record(event);
    }

    private void record(TicketEvent event) {
        String type = switch (event.type()) {
            case CREATED -> "ticket.created";
            case UPDATED -> "ticket.updated";
            case MESSAGE_ADDED -> "message.created";
            case MERGED -> "ticket.merged";
        };
        events.record(type, event.entityId(), event.id(), event.createdAt(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ticket", tickets.get(event.entityId(), event.ticketId()));
            switch (event.type()) {
                case UPDATED, MERGED -> data.put("changes", event.changes());
                case MESSAGE_ADDED -> data.put("message", tickets.messages(event.entityId(), event.ticketId())
                        .stream().filter(m -> m.id().equals(event.messageId())).findFirst()
                        .map(m -> new MessageWithFiles(m, files.files(event.entityId(), event.ticketId()).stream()
                                .filter(f -> m.id().equals(f.messageId())).toList()))
                        .orElse(null));
                default -> { }
            }
            return data;
        });
    }
}

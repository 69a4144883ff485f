package org.helpdesk.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.ticket.TicketEvent;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ticket core's events as webhook events. The listener runs inside the transaction of the change (a plain
 * {@code @EventListener}: the ticket core publishes {@link TicketEvent} there), so the ticket it reads is the
 * ticket right after the change, and the deliveries commit with it.
 */
@Component
class TicketWebhooks {
    private final WebhookEvents events;
    private final TicketManagement tickets;

    TicketWebhooks(WebhookEvents events, TicketManagement tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    @EventListener
    void on(TicketEvent event) {
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
                        .stream().filter(m -> m.id().equals(event.messageId())).findFirst().orElse(null));
                default -> { }
            }
            return data;
        });
    }
}

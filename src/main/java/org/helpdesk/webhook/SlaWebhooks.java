package org.helpdesk.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.common.Ids;
import org.helpdesk.sla.SlaBreached;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code sla.breached}: published by the SLA module inside the transaction that records the breach, so the
 * webhook event and its deliveries commit with it (the same shape as {@link TicketWebhooks}).
 */
@Component
class SlaWebhooks {
    private final WebhookEvents events;
    private final TicketManagement tickets;

    SlaWebhooks(WebhookEvents events, TicketManagement tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    @EventListener
    void on(SlaBreached breach) {
        events.record("sla.breached", breach.entityId(), Ids.newId(), breach.recordedAt(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ticket", tickets.get(breach.entityId(), breach.ticketId()));
            data.put("target", breach.target());
            data.put("dueAt", breach.dueAt());
            return data;
        });
    }
}

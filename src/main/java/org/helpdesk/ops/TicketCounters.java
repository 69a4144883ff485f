package org.helpdesk.ops;

import org.helpdesk.ticket.TicketEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts tickets created and messages added from the ticket core's events. A plain listener, called inside the
 * changing transaction, that counts once it commits: an after-commit Modulith listener would add an outbox row
 * per event, a database write for a counter.
 */
@Component
class TicketCounters {
    private final HelpdeskMetrics metrics;

    TicketCounters(HelpdeskMetrics metrics) {
        this.metrics = metrics;
    }

    @EventListener
    void on(TicketEvent event) {
        switch (event.type()) {
            case CREATED -> metrics.ticketCreated(event.actorType());
            case MESSAGE_ADDED -> metrics.messageAdded(event.actorType());
            default -> {
                // changes are in the ticket history, not counted
            }
        }
    }
}

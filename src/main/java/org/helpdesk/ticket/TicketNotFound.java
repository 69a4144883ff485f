package org.helpdesk.ticket;

import org.helpdesk.common.NotFound;

/** No such ticket in the actor's entity: one answer for an unknown id and for another entity's ticket. */
public class TicketNotFound extends NotFound {
    public TicketNotFound() {
        super("No such ticket in this entity");
    }
}

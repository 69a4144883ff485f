package org.helpdesk.ticket;

import java.time.Instant;

/**
 * Port filled by the SLA module: the service level of a ticket after a change. The ticket core calls it inside
 * the transaction of every change (and of the breach sweep) and stores what it returns; the rules live with the
 * policies and calendars.
 */
public interface ServiceLevels {
    /**
     * The SLA state of {@code after} at {@code now}, {@code before} being the ticket as it was (with its stored
     * state) or {@code null} for a new ticket. {@code null} when no policy applies. A due time that has passed
     * unmet comes back with its breach set to the due time.
     */
    TicketSla evaluate(Ticket before, Ticket after, Instant now);
}

package org.helpdesk.ticket;

import java.util.List;

/** One page of the ticket list; {@code nextCursor} is null on the last page. */
public record TicketPage(List<Ticket> items, String nextCursor) {
}

package org.helpdesk.ticket;

import java.util.List;

/** One page of a ticket's history, oldest first; {@code nextCursor} is null on the last page. */
public record EventPage(List<TicketEvent> items, String nextCursor) {
}
